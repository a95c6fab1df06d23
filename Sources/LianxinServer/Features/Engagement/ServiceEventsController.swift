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

}
