import Vapor
import Fluent
import LianxinCore

/// Listing, creating and reading service events.
extension ServiceEventsController {
    func list(req: Request) async throws -> [EventDTO] {
        let principal = try await req.require(.viewEngagement)
        let rows = try await ServiceEvent.query(on: req.db).inScope(\.$divisionCode, principal).sort(\.$createdAt, .descending).limit(200).all()
        var result: [EventDTO] = []
        for row in rows { result.append(try await ServiceEventLookup.dto(row, req)) }
        return result
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.manageEngagement)
        let input = try req.content.decode(EventInput.self)
        var checks = InputValidator(req)
        let title = checks.text(input.title, "/title", 1...100, label: "名称")
        let kind = input.kind ?? "fixedWindow"
        if !ServiceEventLookup.kinds.contains(kind) { checks.fail("/kind", "choose one of the options offered / 请从给出的选项中选择") }
        let place = checks.text(input.place, "/place", 1...200, label: "地点")
        var rule: RecurrenceRule?
        do { rule = try RecurrenceRule(parsing: input.schedule ?? "") } catch {
            checks.fail("/schedule", "\(error.message(in: .zhCN)) / \(error.message(in: .en))")
        }
        let division = try await checks.division(input.divisionCode, principal, on: req.db)
        let stalls = try await Self.checkStalls(input.stalls ?? [], field: "/stalls", &checks, req)
        try checks.finish()
        guard let rule else { throw Problem.invalid(field: "/schedule", "unreadable") }
        let event = ServiceEvent()
        event.id = UUID()
        event.divisionCode = division.value
        event.title = title
        event.kind = kind
        event.place = place
        event.scheduleText = rule.description(language: .zhCN)
        event.rule = JSONColumn.text(rule)
        event.createdBy = principal.userID
        event.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await event.create(on: db)
                for stall in stalls {
                    stall.eventID = try event.requireID()
                    try await stall.create(on: db)
                }
            }
        }
        return try await ServiceEventLookup.dto(event, req).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> EventDTO {
        let principal = try await req.require(.viewEngagement)
        return try await ServiceEventLookup.dto(try await ServiceEventLookup.find(req, principal), req)
    }
}
