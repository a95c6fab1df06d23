import Vapor
import Fluent
import LianxinCore

/// The residents' pages under /p/: a community's service menu with the order form, the order's tracking page with
/// the evaluation, the public wish wall, the list of service stations, and an activity's QR check-in page.
struct CommunityPublicPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("p")
        pages.get("services", ":community", use: menu)
        pages.post("services", ":community", use: order)
        pages.get("service-orders", ":code", use: track)
        pages.post("service-orders", ":code", "evaluation", use: evaluate)
        pages.get("wishes", use: wall)
        pages.get("stations", use: stations)
        pages.get("activity", ":code", use: activity)
        pages.post("activity", ":code", use: checkIn)
    }
}
