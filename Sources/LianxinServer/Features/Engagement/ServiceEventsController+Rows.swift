import Vapor
import Fluent
import LianxinCore

/// Reading event rows: look-up in scope, schedule refusals and the DTO.
extension ServiceEventsController {
    static func find(_ req: Request, _ principal: Principal) async throws -> ServiceEvent {
        try await Engagement.scoped(
            ServiceEvent.self, try Engagement.id(req, "id", "service event"), division: \.divisionCode,
            "service event", principal, req)
    }

    static func rule(_ event: ServiceEvent) throws -> RecurrenceRule {
        try JSONDecoder().decode(RecurrenceRule.self, from: Data(event.rule.utf8))
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
}
