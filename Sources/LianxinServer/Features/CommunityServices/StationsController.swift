import Vapor
import Fluent
import LianxinCore

/// Service stations (饶城e家, 虔新驿站, 幸福食堂…): kept by the community, listed publicly with their position,
/// services and opening hours (and whether they are open now).
struct StationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("service-stations", use: list)
        api.post("service-stations", use: create)
        api.get("public", "service-stations", use: publicList)
    }
}
