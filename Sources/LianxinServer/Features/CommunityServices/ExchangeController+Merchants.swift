import Vapor
import Fluent
import LianxinCore

/// Caring merchants (爱心商家) and their goods.
extension ExchangeController {
    func merchants(req: Request) async throws -> [MerchantDTO] {
        let principal = try await req.require(.viewCommunityServices)
        return try await ExchangeService.merchants(principal, req)
    }

    func addMerchant(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let merchant = try await ExchangeService.addMerchant(try req.content.decode(MerchantInput.self), principal: principal, req)
        return try await MerchantDTO(
            id: try merchant.requireID(), communityCode: merchant.communityCode, name: merchant.name,
            address: merchant.address, goods: []
        ).encodeResponse(status: .created, for: req)
    }

    func addGoods(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let merchant = try await CommunityScope.find(Merchant.self, req, principal, what: "merchant")
        let goods = try await ExchangeService.addGoods(try req.content.decode(GoodsInput.self), to: merchant, req)
        return try await ExchangeService.dto(goods).encodeResponse(status: .created, for: req)
    }

}
