import Vapor
import Fluent
import LianxinCore

/// Requests collected at an event: solved on the spot or filed as a work order.
extension ServiceEventsController {
    func requests(req: Request) async throws -> RequestList {
        let principal = try await req.require(.viewEngagement)
        let event = try await ServiceEventLookup.find(req, principal)
        return try await ServiceEventLookup.requestList(event, day: req.query[String.self, at: "day"], req)
    }

    /// Records a request collected at a sitting: every field is checked first (the event must take place on
    /// `heldOn`, which is not in the future), then a `workOrder` request is filed through the normal intake.
    func recordRequest(req: Request) async throws -> Response {
        let principal = try await req.require(.manageEngagement)
        let event = try await ServiceEventLookup.find(req, principal)
        let input = try req.content.decode(RequestInput.self)
        var checks = InputValidator(req)
        let today = Engagement.day(req.lianxin.now())
        let day = checks.day(input.heldOn, "/heldOn", default: today)
        let rule = try ServiceEventLookup.rule(event)
        let calendar = try await ReferenceData.calendar(req.lianxin.referenceCache, on: req.db)
        if day > today {
            checks.fail("/heldOn", "not in the future / 不能晚于今天")
        } else if !rule.occurs(on: day, isHoliday: { calendar.schedule.entry(on: $0)?.kind == .holiday }) {
            checks.fail(
                "/heldOn",
                "the event does not take place on \(day) (\(rule.description(language: .en))) / 该活动在 \(day) 不开展（\(rule.description(language: .zhCN))）"
            )
        }
        if let stallID = input.stallId,
            try await ServiceEventStall.query(on: req.db).filter(\.$id == stallID)
                .filter(\.$eventID == event.requireID()).first() == nil
        {
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
                order = try await Engagement.validateOrder(
                    req, principal, title: "红帐篷收集：" + description,
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
        return try await ServiceEventLookup.requestDTO(row, stalls: [:]).encodeResponse(status: .created, for: req)
    }

}
