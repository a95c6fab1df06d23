import Vapor
import Fluent
import LianxinCore

/// Service events (红帐篷) as the API and the pages both read them: kinds, schedule rules, look-ups and their JSON forms.
enum ServiceEventLookup {
    typealias RequestDTO = ServiceEventsController.RequestDTO
    typealias EventDTO = ServiceEventsController.EventDTO
    typealias OccurrenceDTO = ServiceEventsController.OccurrenceDTO
    typealias RequestList = ServiceEventsController.RequestList
    typealias StallDTO = ServiceEventsController.StallDTO
    typealias TallyDTO = ServiceEventsController.TallyDTO

    static let kinds = ["fixedWindow", "mobileMarket", "marketDay"]

    static func rule(_ event: ServiceEvent) throws -> RecurrenceRule {
        try JSONDecoder().decode(RecurrenceRule.self, from: Data(event.rule.utf8))
    }

    static func find(_ req: Request, _ principal: Principal) async throws -> ServiceEvent {
        try await Engagement.scoped(
            ServiceEvent.self, try Engagement.id(req, "id", "service event"), division: \.divisionCode,
            "service event", principal, req)
    }

    static func dto(_ event: ServiceEvent, _ req: Request) async throws -> EventDTO {
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
                StallDTO(
                    id: try stall.requireID(), name: stall.name, departmentId: stall.departmentID,
                    departmentName: stall.departmentID.flatMap { departments[$0] }, services: stall.services)
            },
            next: Array(next), tally: TallyDTO(collected: tally.collected, solvedOnSite: tally.solvedOnSite, becameOrders: tally.becameOrders))
    }

    static func occurrences(of event: ServiceEvent, from: LocalDate, through last: LocalDate, _ req: Request) async throws -> [OccurrenceDTO] {
        let calendar = try await ReferenceData.calendar(req.lianxin.referenceCache, on: req.db)
        return try rule(event).occurrences(from: from, through: last, isHoliday: { calendar.schedule.entry(on: $0)?.kind == .holiday })
            .map { occurrence in
                let lunar = (try? LunarDate(occurrence.day)).map { $0.monthName + $0.dayName } ?? ""
                return OccurrenceDTO(day: occurrence.day.description, start: occurrence.start, end: occurrence.end, lunar: lunar)
            }
    }

    static func requestList(_ event: ServiceEvent, day: String?, _ req: Request) async throws -> RequestList {
        var query = ServiceEventRequest.query(on: req.db).filter(\.$eventID == (try event.requireID()))
        if let day, !day.isEmpty {
            guard LocalDate(iso: day) != nil else { throw Problem.invalid(field: "day", "a day as YYYY-MM-DD / 日期格式应为 YYYY-MM-DD") }
            query = query.filter(\.$heldOn == day)
        }
        let rows = try await query.sort(\.$heldOn, .descending).sort(\.$createdAt, .descending).all()
        let stalls = try await ServiceEventStall.query(on: req.db).filter(\.$eventID == event.requireID()).all()
            .reduce(into: [UUID: String]()) { $0[$1.id!] = $1.name }
        let tally = EventRequestTally(rows.compactMap { EventRequestOutcome(rawValue: $0.outcome) })
        return RequestList(
            tally: TallyDTO(collected: tally.collected, solvedOnSite: tally.solvedOnSite, becameOrders: tally.becameOrders),
            items: try rows.map { try ServiceEventLookup.requestDTO($0, stalls: stalls) })
    }

    static func requestDTO(_ row: ServiceEventRequest, stalls: [UUID: String]) throws -> RequestDTO {
        RequestDTO(
            id: try row.requireID(), heldOn: row.heldOn, stallId: row.stallID, stallName: row.stallID.flatMap { stalls[$0] },
            description: row.description, outcome: row.outcome, result: row.result, orderId: row.orderID,
            orderNumber: row.orderNumber, createdAt: row.createdAt)
    }
}
