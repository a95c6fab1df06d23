import Vapor
import Fluent
import LianxinCore

/// 红帐篷 under /api/v1/service-events: events with a recurrence rule written in Chinese (weekly, monthly,
/// lunar market days), their stalls by department, and the requests collected at each sitting — solved on
/// site or filed as work orders with channel `meeting` through the normal intake.
struct ServiceEventsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let events = routes.grouped("api", "v1", "service-events")
        events.get(use: list)
        events.post(use: create)
        events.get(":id", use: show)
        events.get(":id", "occurrences", use: occurrences)
        events.post(":id", "stalls", use: addStall)
        events.get(":id", "requests", use: requests)
        events.post(":id", "requests", use: recordRequest)
    }

    static let kinds = ["fixedWindow", "mobileMarket", "marketDay"]

    // MARK: DTOs

    struct StallInput: Content {
        var name: String?
        var departmentId: UUID?
        var services: String?
    }

    struct EventInput: Content {
        var title: String?
        var kind: String?
        var place: String?
        /// The schedule in Chinese: 每周四 14:00-17:00, 每月第一个周六 08:00-12:00, 农历逢三、六、九 07:00-12:00.
        var schedule: String?
        var divisionCode: String?
        var stalls: [StallInput]?
    }

    struct StallDTO: Content {
        var id: UUID
        var name: String
        var departmentId: UUID?
        var departmentName: String?
        var services: String
    }

    struct OccurrenceDTO: Content {
        var day: String
        var start: Date
        var end: Date
        var lunar: String
    }

    struct TallyDTO: Content {
        var collected: Int
        var solvedOnSite: Int
        var becameOrders: Int
    }

    struct EventDTO: Content {
        var id: UUID
        var divisionCode: String
        var divisionName: String
        var title: String
        var kind: String
        var place: String
        var schedule: String
        /// The rule read back in the request's language.
        var scheduleDescription: String
        var stalls: [StallDTO]
        var next: [OccurrenceDTO]
        var tally: TallyDTO
    }

    struct RequestInput: Content {
        /// The day of the sitting (`YYYY-MM-DD`, default today); the event must take place that day.
        var heldOn: String?
        var stallId: UUID?
        var description: String?
        /// solvedOnSite (with `result`) or workOrder (with `categoryCode`).
        var outcome: String?
        var result: String?
        var categoryCode: String?
        var requesterName: String?
        var requesterPhone: String?
    }

    struct RequestDTO: Content {
        var id: UUID
        var heldOn: String
        var stallId: UUID?
        var stallName: String?
        var description: String
        var outcome: String
        var result: String?
        var orderId: UUID?
        var orderNumber: String?
        var createdAt: Date
    }

    struct RequestList: Content {
        var tally: TallyDTO
        var items: [RequestDTO]
    }

    // MARK: Handlers

    func list(req: Request) async throws -> [EventDTO] {
        let principal = try await req.require(.viewEngagement)
        let rows = try await ServiceEventRecord.query(on: req.db).inScope(\.$divisionCode, principal).sort(\.$createdAt, .descending).limit(200).all()
        var result: [EventDTO] = []
        for row in rows { result.append(try await Self.dto(row, req)) }
        return result
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.manageEngagement)
        let input = try req.content.decode(EventInput.self)
        var checks = InputValidator(req)
        let title = checks.text(input.title, "/title", 1...100, label: "名称")
        let kind = input.kind ?? "fixedWindow"
        if !Self.kinds.contains(kind) { checks.fail("/kind", "one of \(Self.kinds.joined(separator: ", "))") }
        let place = checks.text(input.place, "/place", 1...200, label: "地点")
        var rule: RecurrenceRule?
        do { rule = try RecurrenceRule(parsing: input.schedule ?? "") } catch {
            checks.fail("/schedule", "\(error.message(in: .zhCN)) / \(error.message(in: .en))")
        }
        let division = try await checks.division(input.divisionCode, principal, on: req.db)
        let stalls = try await Self.checkStalls(input.stalls ?? [], field: "/stalls", &checks, req)
        try checks.finish()
        guard let rule else { throw Problem.invalid(field: "/schedule", "unreadable") }
        let event = ServiceEventRecord()
        event.id = UUID()
        event.divisionCode = division.value
        event.title = title
        event.kind = kind
        event.place = place
        event.scheduleText = rule.description(language: .zhCN)
        event.rule = JSONColumn.text(rule)
        event.createdBy = principal.userID
        event.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await req.db.transaction { db in
            try await event.create(on: db)
            for stall in stalls {
                stall.eventID = try event.requireID()
                try await stall.create(on: db)
            }
        } }
        return try await Self.dto(event, req).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> EventDTO {
        let principal = try await req.require(.viewEngagement)
        return try await Self.dto(try await Self.find(req, principal), req)
    }

    /// The sittings from `from` through `to` (default: today and the next 30 days; at most 366 days).
    func occurrences(req: Request) async throws -> [OccurrenceDTO] {
        let principal = try await req.require(.viewEngagement)
        let event = try await Self.find(req, principal)
        var checks = InputValidator(req)
        let today = Engagement.day(req.lianxin.now())
        let from = checks.day(req.query[String.self, at: "from"], "/from", default: today)
        let to = checks.day(req.query[String.self, at: "to"], "/to", default: from.adding(days: 30))
        if to < from || to.daysSinceEpoch - from.daysSinceEpoch > 366 {
            checks.fail("/to", "on or after from, at most 366 days later / 结束日期须在开始日期后 366 天内")
        }
        try checks.finish()
        return try await Self.occurrences(of: event, from: from, through: to, req)
    }

    func addStall(req: Request) async throws -> Response {
        let principal = try await req.require(.manageEngagement)
        let event = try await Self.find(req, principal)
        var checks = InputValidator(req)
        let stalls = try await Self.checkStalls([try req.content.decode(StallInput.self)], field: nil, &checks, req)
        try checks.finish()
        let stall = stalls[0]
        stall.eventID = try event.requireID()
        try await req.lianxin.writes.run { try await stall.create(on: req.db) }
        return try await Self.dto(event, req).encodeResponse(status: .created, for: req)
    }

    func requests(req: Request) async throws -> RequestList {
        let principal = try await req.require(.viewEngagement)
        let event = try await Self.find(req, principal)
        return try await Self.requestList(event, day: req.query[String.self, at: "day"], req)
    }

    /// Records a request collected at a sitting: every field is checked first (the event must take place on
    /// `heldOn`, which is not in the future), then a `workOrder` request is filed through the normal intake.
    func recordRequest(req: Request) async throws -> Response {
        let principal = try await req.require(.manageEngagement)
        let event = try await Self.find(req, principal)
        let input = try req.content.decode(RequestInput.self)
        var checks = InputValidator(req)
        let today = Engagement.day(req.lianxin.now())
        let day = checks.day(input.heldOn, "/heldOn", default: today)
        let rule = try Self.rule(event)
        let calendar = try await ReferenceData.calendar(req.lianxin.referenceCache, on: req.db)
        if day > today {
            checks.fail("/heldOn", "not in the future / 不能晚于今天")
        } else if !rule.occurs(on: day, isHoliday: { calendar.schedule.entry(on: $0)?.kind == .holiday }) {
            checks.fail("/heldOn", "the event does not take place on \(day) (\(rule.description(language: .en))) / 该活动在 \(day) 不开展（\(rule.description(language: .zhCN))）")
        }
        if let stallID = input.stallId, try await ServiceEventStall.query(on: req.db).filter(\.$id == stallID)
            .filter(\.$eventID == event.requireID()).first() == nil {
            checks.fail("/stallId", "a stall of this event / 摊位不属于该活动")
        }
        let description = checks.text(input.description, "/description", 2...2000, label: "诉求内容")
        let outcome: EventRequestOutcome? = checks.choice(input.outcome, "/outcome")
        var result: String?
        if outcome == .solvedOnSite { result = checks.text(input.result, "/result", 2...2000, label: "当场解决情况") }
        _ = checks.text(input.requesterName, "/requesterName", 0...50, label: "诉求人姓名")
        var order: ValidWorkOrder?
        if outcome == .workOrder {
            do {
                order = try await Engagement.validateOrder(req, principal, title: "红帐篷收集：" + description,
                                                           description: "\(description)（\(event.title)，\(day)）",
                                                           categoryCode: input.categoryCode, division: event.divisionCode,
                                                           requesterName: input.requesterName, requesterPhone: input.requesterPhone)
            } catch let problem as Problem {
                checks.record(problem.errors.filter { !["/title", "/description"].contains($0.field) })
            }
        }
        try checks.finish()
        let row = ServiceEventRequest()
        row.id = UUID()
        row.eventID = try event.requireID()
        row.stallID = input.stallId
        row.heldOn = day.description
        row.description = description
        row.outcome = (outcome ?? .solvedOnSite).rawValue
        row.result = result
        row.recordedBy = principal.userID
        row.createdAt = req.lianxin.now()
        if let order {
            let filed = try await Engagement.file(order, req, principal)
            row.orderID = filed.id
            row.orderNumber = filed.number
        }
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return try await Self.requestDTO(row, stalls: [:]).encodeResponse(status: .created, for: req)
    }

    // MARK: Shared

    static func find(_ req: Request, _ principal: Principal) async throws -> ServiceEventRecord {
        try await Engagement.scoped(ServiceEventRecord.self, try Engagement.id(req, "id", "service event"), division: \.divisionCode,
                                    "service event", principal, req)
    }

    static func rule(_ event: ServiceEventRecord) throws -> RecurrenceRule {
        try JSONDecoder().decode(RecurrenceRule.self, from: Data(event.rule.utf8))
    }

    /// Checks stalls: a name, services, and a department that exists when one is named.
    static func checkStalls(_ inputs: [StallInput], field: String?, _ checks: inout InputValidator, _ req: Request) async throws -> [ServiceEventStall] {
        var stalls: [ServiceEventStall] = []
        if inputs.count > 50 { checks.fail(field ?? "/stalls", "at most 50 stalls / 最多 50 个摊位") }
        for (index, input) in inputs.prefix(50).enumerated() {
            let prefix = field.map { "\($0)/\(index)/" } ?? "/"
            let stall = ServiceEventStall()
            stall.id = UUID()
            stall.name = checks.text(input.name, prefix + "name", 1...100, label: "摊位名称")
            stall.services = checks.text(input.services, prefix + "services", 0...500, label: "服务项目")
            if let department = input.departmentId {
                if try await Department.find(department, on: req.db) == nil {
                    checks.fail(prefix + "departmentId", "unknown department / 部门不存在")
                } else {
                    stall.departmentID = department
                }
            }
            stalls.append(stall)
        }
        return stalls
    }

    static func occurrences(of event: ServiceEventRecord, from: LocalDate, through last: LocalDate, _ req: Request) async throws -> [OccurrenceDTO] {
        let calendar = try await ReferenceData.calendar(req.lianxin.referenceCache, on: req.db)
        return try rule(event).occurrences(from: from, through: last, isHoliday: { calendar.schedule.entry(on: $0)?.kind == .holiday })
            .map { occurrence in
                let lunar = (try? LunarDate(occurrence.day)).map { $0.monthName + $0.dayName } ?? ""
                return OccurrenceDTO(day: occurrence.day.description, start: occurrence.start, end: occurrence.end, lunar: lunar)
            }
    }

    static func requestList(_ event: ServiceEventRecord, day: String?, _ req: Request) async throws -> RequestList {
        var query = ServiceEventRequest.query(on: req.db).filter(\.$eventID == (try event.requireID()))
        if let day, !day.isEmpty {
            guard LocalDate(iso: day) != nil else { throw Problem.invalid(field: "day", "a day as YYYY-MM-DD / 日期格式应为 YYYY-MM-DD") }
            query = query.filter(\.$heldOn == day)
        }
        let rows = try await query.sort(\.$heldOn, .descending).sort(\.$createdAt, .descending).all()
        let stalls = try await ServiceEventStall.query(on: req.db).filter(\.$eventID == event.requireID()).all()
            .reduce(into: [UUID: String]()) { $0[$1.id!] = $1.name }
        let tally = EventRequestTally(rows.compactMap { EventRequestOutcome(rawValue: $0.outcome) })
        return RequestList(tally: TallyDTO(collected: tally.collected, solvedOnSite: tally.solvedOnSite, becameOrders: tally.becameOrders),
                           items: try rows.map { try requestDTO($0, stalls: stalls) })
    }

    static func requestDTO(_ row: ServiceEventRequest, stalls: [UUID: String]) throws -> RequestDTO {
        RequestDTO(id: try row.requireID(), heldOn: row.heldOn, stallId: row.stallID, stallName: row.stallID.flatMap { stalls[$0] },
                   description: row.description, outcome: row.outcome, result: row.result, orderId: row.orderID,
                   orderNumber: row.orderNumber, createdAt: row.createdAt)
    }

    static func dto(_ event: ServiceEventRecord, _ req: Request) async throws -> EventDTO {
        let stalls = try await ServiceEventStall.query(on: req.db).filter(\.$eventID == event.requireID()).all()
        let departments = try await Department.query(on: req.db).filter(\.$id ~~ stalls.compactMap(\.departmentID)).all()
            .reduce(into: [UUID: String]()) { $0[$1.id!] = $1.name }
        let outcomes = try await ServiceEventRequest.query(on: req.db).filter(\.$eventID == event.requireID()).all(\.$outcome)
        let tally = EventRequestTally(outcomes.compactMap(EventRequestOutcome.init(rawValue:)))
        let today = Engagement.day(req.lianxin.now())
        let next = try await occurrences(of: event, from: today, through: today.adding(days: 60), req).prefix(5)
        let division = try await Division.find(event.divisionCode, on: req.db)
        return EventDTO(
            id: try event.requireID(), divisionCode: event.divisionCode, divisionName: division?.name ?? event.divisionCode,
            title: event.title, kind: event.kind, place: event.place, schedule: event.scheduleText,
            scheduleDescription: try rule(event).description(language: Engagement.language(req)),
            stalls: try stalls.sorted { $0.name < $1.name }.map { stall in
                StallDTO(id: try stall.requireID(), name: stall.name, departmentId: stall.departmentID,
                         departmentName: stall.departmentID.flatMap { departments[$0] }, services: stall.services)
            },
            next: Array(next), tally: TallyDTO(collected: tally.collected, solvedOnSite: tally.solvedOnSite, becameOrders: tally.becameOrders))
    }
}
