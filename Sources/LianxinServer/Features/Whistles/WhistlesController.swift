import Vapor
import Fluent
import LianxinCore

/// 吹哨报到 under /api/v1/whistles: blow, report on site, record the work, score each department
/// (一哨一评), close; and the monthly scores per department.
struct WhistlesController: RouteCollection {
    /// The scoring formula in force.
    static let scoring = WhistleScoring()

    func boot(routes: any RoutesBuilder) throws {
        let whistles = routes.grouped("api", "v1", "whistles")
        whistles.post(use: blow)
        whistles.get(use: list)
        whistles.get(":id", use: show)
        whistles.post(":id", "report", use: report)
        whistles.post(":id", "work", use: work)
        whistles.post(":id", "evaluations", use: evaluate)
        whistles.post(":id", "close", use: close)
        routes.get("api", "v1", "whistle-scores", use: monthlyScores)
    }

    struct BlowInput: Content {
        var title: String?
        var description: String?
        var requiredArrivalAt: Date?
        var departmentIds: [UUID]?
        var orderId: UUID?
        var divisionCode: String?
    }

    struct SummonsDTO: Content {
        var departmentId: UUID
        var departmentName: String
        var reportedAt: Date?
        var onTime: Bool?
        var workNote: String?
        var score: Double?
    }

    struct WhistleDTO: Content {
        var id: UUID
        var title: String
        var description: String
        var divisionCode: String
        var orderId: UUID?
        var requiredArrivalAt: Date
        var status: String
        var result: String?
        var blownAt: Date
        var closedAt: Date?
        var departments: [SummonsDTO]
        var scoringFormula: String
    }

    func blow(req: Request) async throws -> Response {
        let principal = try await req.require(.blowWhistle)
        let input = try req.content.decode(BlowInput.self)
        var checks = InputValidator(req)
        let title = input.title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if title.isEmpty || title.count > 200 { checks.fail("/title", "1–200 characters / 标题须为 1–200 字") }
        let description = input.description?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if description.count > 4000 { checks.fail("/description", "at most 4000 characters / 不超过 4000 字") }
        if input.requiredArrivalAt == nil { checks.fail("/requiredArrivalAt", "is required / 须填写报到时限") }
        let ids = Array(Set(input.departmentIds ?? []))
        let departments = ids.isEmpty ? [] : try await Department.query(on: req.db).filter(\.$id ~~ ids).all()
        if ids.isEmpty || departments.count != ids.count {
            checks.fail("/departmentIds", "name one or more existing departments / 须指定存在的部门")
        }
        var division = principal.division
        if let text = input.divisionCode {
            if let code = DivisionCode(text), principal.canSee(code) { division = code } else {
                checks.fail("/divisionCode", "outside your division / 超出您的管辖范围")
            }
        }
        if let orderID = input.orderId {
            let order = try await WorkOrder.find(orderID, on: req.db)
            if order == nil || !principal.canSee(divisionCode: order!.divisionCode) {
                checks.fail("/orderId", "no such order / 工单不存在")
            }
        }
        guard checks.isValid, let required = input.requiredArrivalAt else { throw Problem.invalid(checks.errors) }
        let now = req.lianxin.now()
        let whistle = Whistle()
        whistle.divisionCode = division.value
        whistle.orderID = input.orderId
        whistle.title = title
        whistle.description = description
        whistle.requiredArrivalAt = required
        whistle.status = "open"
        whistle.blownBy = principal.userID
        whistle.blownAt = now
        try await req.lianxin.writes.run { try await req.db.transaction { db in
            try await whistle.create(on: db)
            for department in departments {
                let summons = WhistleSummons()
                summons.whistleID = try whistle.requireID()
                summons.departmentID = try department.requireID()
                try await summons.create(on: db)
                let note = Notification()
                note.departmentID = department.id
                note.kind = "whistle"
                note.text = "吹哨报到：\(title)，请于 \(ChinaTime.minute(required)) 前到场"
                note.orderID = input.orderId
                note.createdAt = now
                try await note.create(on: db)
            }
        } }
        return try await Self.dto(whistle, req).encodeResponse(status: .created, for: req)
    }

    func list(req: Request) async throws -> [WhistleDTO] {
        let principal = try await req.require(.viewWorkOrders)
        var query = Whistle.query(on: req.db)
        if principal.role.requiresDepartment, let department = principal.departmentID {
            let ids = try await WhistleSummons.query(on: req.db).filter(\.$departmentID == department).all(\.$whistleID)
            query = query.filter(\.$id ~~ ids)
        } else {
            query = query.filter(\.$divisionCode, .custom("LIKE"), principal.division.value + "%")
        }
        let rows = try await query.sort(\.$blownAt, .descending).limit(200).all()
        var result: [WhistleDTO] = []
        for row in rows { result.append(try await Self.dto(row, req)) }
        return result
    }

    func show(req: Request) async throws -> WhistleDTO {
        let principal = try await req.require(.viewWorkOrders)
        return try await Self.dto(try await Self.find(req, principal), req)
    }

    struct NoteInput: Content { var note: String? }

    /// 报到: someone of a summoned department is on site.
    func report(req: Request) async throws -> WhistleDTO {
        let principal = try await req.require(.viewWorkOrders)
        let whistle = try await Self.find(req, principal)
        let summons = try await Self.ownSummons(whistle, principal, req)
        guard whistle.status == "open" else { throw Problem.conflict("The whistle is closed / 该哨已结束") }
        guard summons.reportedAt == nil else { throw Problem.conflict("Your department has already reported / 本部门已报到") }
        summons.reportedAt = req.lianxin.now()
        summons.reportedBy = principal.userID
        if let note = try req.content.decode(NoteInput.self).note?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty {
            summons.workNote = note
        }
        try await summons.update(on: req.db)
        return try await Self.dto(whistle, req)
    }

    /// A department's part of the work.
    func work(req: Request) async throws -> WhistleDTO {
        let principal = try await req.require(.viewWorkOrders)
        let whistle = try await Self.find(req, principal)
        let summons = try await Self.ownSummons(whistle, principal, req)
        guard let note = try req.content.decode(NoteInput.self).note?.trimmingCharacters(in: .whitespacesAndNewlines),
              (1...2000).contains(note.count) else {
            throw Problem.invalid(field: "/note", "1–2000 characters / 须填写办理情况")
        }
        guard summons.reportedAt != nil else { throw Problem.conflict("Report on site first / 请先报到") }
        summons.workNote = note
        try await summons.update(on: req.db)
        return try await Self.dto(whistle, req)
    }

    struct EvaluationInput: Content {
        var departmentId: UUID?
        var evaluator: String?
        var handling: Int?
        var satisfaction: Int?
    }

    /// 一哨一评: the blower (or, relayed by staff, the requester) marks one department 1–5.
    func evaluate(req: Request) async throws -> WhistleDTO {
        let principal = try await req.require(.blowWhistle)
        let whistle = try await Self.find(req, principal)
        let input = try req.content.decode(EvaluationInput.self)
        let marks = WhistleScoring.Marks(handling: input.handling ?? 0, satisfaction: input.satisfaction ?? 0)
        guard marks.isValid else { throw Problem.invalid(field: input.handling.map { _ in "/satisfaction" } ?? "/handling", "marks from 1 to 5 / 评分须为 1–5") }
        let evaluator = input.evaluator ?? "blower"
        guard ["blower", "requester"].contains(evaluator) else { throw Problem.invalid(field: "/evaluator", "blower or requester") }
        guard let departmentID = input.departmentId,
              let summons = try await WhistleSummons.query(on: req.db).filter(\.$whistleID == whistle.requireID())
                .filter(\.$departmentID == departmentID).first() else {
            throw Problem.invalid(field: "/departmentId", "not summoned by this whistle / 该部门未被吹哨")
        }
        if evaluator == "blower" {
            summons.blowerHandling = marks.handling
            summons.blowerSatisfaction = marks.satisfaction
        } else {
            summons.requesterHandling = marks.handling
            summons.requesterSatisfaction = marks.satisfaction
        }
        summons.score = Self.score(summons, whistle)
        try await summons.update(on: req.db)
        return try await Self.dto(whistle, req)
    }

    struct CloseInput: Content { var result: String? }

    func close(req: Request) async throws -> WhistleDTO {
        let principal = try await req.require(.blowWhistle)
        let whistle = try await Self.find(req, principal)
        guard whistle.status == "open" else { throw Problem.conflict("The whistle is already closed / 该哨已结束") }
        guard let result = try req.content.decode(CloseInput.self).result?.trimmingCharacters(in: .whitespacesAndNewlines),
              (1...2000).contains(result.count) else {
            throw Problem.invalid(field: "/result", "1–2000 characters / 须填写处置结果")
        }
        whistle.status = "closed"
        whistle.result = result
        whistle.closedAt = req.lianxin.now()
        try await whistle.update(on: req.db)
        return try await Self.dto(whistle, req)
    }

    struct DepartmentScore: Content {
        var departmentId: UUID
        var departmentName: String
        var whistles: Int
        var scored: Int
        var averageScore: Double?
        var onTimeReports: Int
    }

    /// Scores rolled up per department for a month (`month=YYYY-MM`, China time), within the caller's scope.
    func monthlyScores(req: Request) async throws -> [DepartmentScore] {
        let principal = try await req.require(.viewWorkOrders)
        guard let month = req.query[String.self, at: "month"], let start = ISODay.parse(month + "-01") else {
            throw Problem.invalid(field: "month", "a month as YYYY-MM / 月份格式应为 YYYY-MM")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = ISODay.chinaTimeZone
        let end = calendar.date(byAdding: .month, value: 1, to: start)!
        let whistles = try await Whistle.query(on: req.db)
            .filter(\.$divisionCode, .custom("LIKE"), principal.division.value + "%")
            .filter(\.$blownAt >= start).filter(\.$blownAt < end).all()
        let byID = whistles.reduce(into: [UUID: Whistle]()) { $0[$1.id!] = $1 }
        let summons = byID.isEmpty ? [] : try await WhistleSummons.query(on: req.db).filter(\.$whistleID ~~ Array(byID.keys)).all()
        let names = try await Department.query(on: req.db).all().reduce(into: [UUID: String]()) { $0[$1.id!] = $1.name }
        return Dictionary(grouping: summons, by: \.departmentID).map { department, rows in
            let scores = rows.compactMap(\.score)
            let onTime = rows.filter { row in
                guard let reported = row.reportedAt, let whistle = byID[row.whistleID] else { return false }
                return reported <= whistle.requiredArrivalAt
            }.count
            return DepartmentScore(departmentId: department, departmentName: names[department] ?? "", whistles: rows.count,
                                   scored: scores.count,
                                   averageScore: scores.isEmpty ? nil : (scores.reduce(0, +) / Double(scores.count) * 10).rounded() / 10,
                                   onTimeReports: onTime)
        }.sorted { ($0.averageScore ?? -1, $1.departmentName) > ($1.averageScore ?? -1, $0.departmentName) }
    }

    // MARK: Helpers

    static func score(_ summons: WhistleSummons, _ whistle: Whistle) -> Double? {
        func marks(_ handling: Int?, _ satisfaction: Int?) -> WhistleScoring.Marks? {
            guard let handling, let satisfaction else { return nil }
            return .init(handling: handling, satisfaction: satisfaction)
        }
        return scoring.score(required: whistle.requiredArrivalAt, reported: summons.reportedAt,
                             blower: marks(summons.blowerHandling, summons.blowerSatisfaction),
                             requester: marks(summons.requesterHandling, summons.requesterSatisfaction))
    }

    /// A whistle the principal may see: in their division, or summoning their department.
    static func find(_ req: Request, _ principal: Principal) async throws -> Whistle {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let whistle = try await Whistle.find(id, on: req.db) else { throw Problem.notFound("whistle") }
        if principal.role.requiresDepartment {
            let summoned = try await WhistleSummons.query(on: req.db).filter(\.$whistleID == id)
                .filter(\.$departmentID == principal.departmentID ?? UUID()).count() > 0
            guard summoned else { throw await req.outOfScope("whistle", target: "whistle:\(id)") }
        } else if !principal.canSee(divisionCode: whistle.divisionCode) {
            throw await req.outOfScope("whistle", target: "whistle:\(id)")
        }
        return whistle
    }

    /// The summons of the principal's own department, or 403.
    static func ownSummons(_ whistle: Whistle, _ principal: Principal, _ req: Request) async throws -> WhistleSummons {
        guard principal.role.requiresDepartment, let department = principal.departmentID,
              let summons = try await WhistleSummons.query(on: req.db).filter(\.$whistleID == whistle.requireID())
                .filter(\.$departmentID == department).first() else {
            await req.audit(.permissionDenied, result: .denied, target: "whistle:\(whistle.id?.uuidString ?? "")", detail: "not a summoned department")
            throw Problem.forbidden
        }
        return summons
    }

    static func dto(_ whistle: Whistle, _ req: Request) async throws -> WhistleDTO {
        let summons = try await WhistleSummons.query(on: req.db).filter(\.$whistleID == whistle.requireID()).all()
        let names = try await Department.query(on: req.db).filter(\.$id ~~ summons.map(\.departmentID)).all()
            .reduce(into: [UUID: String]()) { $0[$1.id!] = $1.name }
        return WhistleDTO(
            id: try whistle.requireID(), title: whistle.title, description: whistle.description, divisionCode: whistle.divisionCode,
            orderId: whistle.orderID, requiredArrivalAt: whistle.requiredArrivalAt, status: whistle.status, result: whistle.result,
            blownAt: whistle.blownAt, closedAt: whistle.closedAt,
            departments: summons.map { row in
                SummonsDTO(departmentId: row.departmentID, departmentName: names[row.departmentID] ?? "", reportedAt: row.reportedAt,
                           onTime: row.reportedAt.map { $0 <= whistle.requiredArrivalAt }, workNote: row.workNote, score: row.score)
            }.sorted { $0.departmentName < $1.departmentName },
            scoringFormula: scoring.formula(english: req.language == .en))
    }
}
