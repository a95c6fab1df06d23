import Vapor
import Fluent
import LianxinCore

/// The service menu and service orders through the API: staff order for a resident, the community assigns, the
/// volunteer's take and completion are recorded, the resident evaluates with the tracking code.
struct ServiceOrdersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("service-menu", use: menu)
        api.post("service-menu", use: addItem)
        api.get("service-orders", use: list)
        api.post("service-orders", use: create)
        api.get("service-orders", ":id", use: show)
        api.post("service-orders", ":id", "actions", use: act)
        let open = api.grouped("public")
        open.get("service-menu", ":community", use: publicMenu)
        open.post("service-orders", use: publicCreate)
        open.get("service-orders", ":code", use: publicShow)
        open.post("service-orders", ":code", "evaluation", use: publicEvaluate)
    }
}
