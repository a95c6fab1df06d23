import Vapor
import Fluent
import LianxinCore

/// The service-event pages.
extension EngagementPagesController {
    struct EventsModel: Encodable, Sendable {
        let tabs: Tabs
        let items: [ServiceEventsController.EventDTO]
        let canManage: Bool
        let kinds: [SelectOption]
        let departments: [SelectOption]
    }

    func events(req: Request) async throws -> Response {
        let principal = try await req.require(.viewEngagement)
        let items = try await ServiceEventsController().list(req: req)
        return try await req.page(
            "engagement/events", title: "engagement_events",
            model: EventsModel(
                tabs: Self.tabs(principal, "events"), items: items, canManage: principal.role.can(.manageEngagement),
                kinds: ServiceEventLookup.kinds.map { SelectOption(value: $0, label: req.t("engagement_kind_\($0)")) },
                departments: try await Self.departments(req)))
    }

    struct EventModel: Encodable, Sendable {
        let tabs: Tabs
        let event: ServiceEventsController.EventDTO
        let sittings: [ServiceEventsController.OccurrenceDTO]
        let requests: ServiceEventsController.RequestList
        let canManage: Bool
        let canFile: Bool
        let today: String
        let departments: [SelectOption]
        let categories: [SelectOption]
    }

    func event(req: Request) async throws -> Response {
        let principal = try await req.require(.viewEngagement)
        let record = try await ServiceEventLookup.find(req, principal)
        let today = Engagement.day(req.lianxin.now())
        return try await req.page(
            "engagement/event", title: "engagement_events",
            model: EventModel(
                tabs: Self.tabs(principal, "events"), event: try await ServiceEventLookup.dto(record, req),
                sittings: try await ServiceEventLookup.occurrences(of: record, from: today, through: today.adding(days: 45), req),
                requests: try await ServiceEventLookup.requestList(record, day: nil, req),
                canManage: principal.role.can(.manageEngagement), canFile: principal.role.can(.createWorkOrders), today: today.description,
                departments: try await Self.departments(req), categories: try await Self.categories(req)))
    }
}
