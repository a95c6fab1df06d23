import Vapor
import Fluent
import LianxinCore

/// The staff pages of community services. Each form calls the same function as the API and comes back to its
/// page with a notice, or with the refusal's message (nothing written).
struct CommunityPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("community")
        pages.get(use: hub)
        pages.get("service-orders", use: orders)
        pages.post("service-menu", use: addItem)
        pages.post("service-orders", use: createOrder)
        pages.post("service-orders", ":id", "actions", use: actOnOrder)
        pages.get("wishes", use: wishes)
        pages.post("wishes", use: postWish)
        pages.post("wishes", ":id", "claim", use: claimWish)
        pages.post("wishes", ":id", "fulfilment", use: fulfilWish)
        pages.post("wishes", ":id", "confirmation", use: confirmWish)
        pages.get("volunteers", use: volunteers)
        pages.post("volunteers", use: register)
        pages.post("volunteer-teams", use: addTeam)
        pages.post("earn-rules", use: setRules)
        pages.get("activities", use: activities)
        pages.post("activities", use: createActivity)
        pages.post("activities", ":id", "attendance", use: attendance)
        pages.get("activities", ":id", "qr.svg", use: activityQRCode)
        pages.get("exchange", use: exchange)
        pages.post("merchants", use: addMerchant)
        pages.post("merchants", ":id", "goods", use: addGoods)
        pages.post("exchange", use: spend)
        pages.get("stations", use: stations)
        pages.post("stations", use: addStation)
    }

    /// Texts every community page shows after a form.
    struct Flash: Encodable, Sendable {
        var notice: String?
        var error: String?
        init(_ req: Request) {
            notice = try? req.query.get(String.self, at: "notice")
            error = try? req.query.get(String.self, at: "error")
        }
    }
}
