import Vapor
import Fluent
import LianxinCore

/// Caring merchants (爱心商家), the goods they offer for points with their stock, and exchanges (积分兑换): an
/// exchange is refused — and nothing written — when it would overdraw the volunteer or exceed the stock, also
/// when two exchanges arrive at the same moment.
struct ExchangeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("merchants", use: merchants)
        api.post("merchants", use: addMerchant)
        api.post("merchants", ":id", "goods", use: addGoods)
        api.get("points-exchanges", use: exchanges)
        api.post("points-exchanges", use: exchange)
    }
}
