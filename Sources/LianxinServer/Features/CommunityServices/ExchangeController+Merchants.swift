import Vapor
import Fluent
import LianxinCore

/// Caring merchants (爱心商家) and their goods.
extension ExchangeController {
    func merchants(req: Request) async throws -> [MerchantDTO] {
        let principal = try await req.require(.viewCommunityServices)
        return try await Self.merchants(principal, req)
    }

    static func merchants(_ principal: Principal, _ req: Request) async throws -> [MerchantDTO] {
        let merchants = try await CommunityScope.limit(Merchant.query(on: req.db), to: principal).sort(\.$name).all()
        let ids = merchants.compactMap(\.id)
        let goods = ids.isEmpty ? [] : try await MerchantGoods.query(on: req.db).filter(\.$merchantID ~~ ids).sort(\.$name).all()
        return try merchants.map { merchant in
            MerchantDTO(
                id: try merchant.requireID(), communityCode: merchant.communityCode, name: merchant.name, address: merchant.address,
                goods: try goods.filter { $0.merchantID == merchant.id }.map(dto))
        }
    }

    func addMerchant(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let merchant = try await Self.addMerchant(try req.content.decode(MerchantInput.self), principal: principal, req)
        return try await MerchantDTO(
            id: try merchant.requireID(), communityCode: merchant.communityCode, name: merchant.name,
            address: merchant.address, goods: []
        ).encodeResponse(status: .created, for: req)
    }

    static func addMerchant(_ input: MerchantInput, principal: Principal, _ req: Request) async throws -> Merchant {
        let community = try await CommunityScope.community(input.communityCode, for: principal, on: req.db)
        var checks = InputValidator(req)
        let name = checks.text(input.name, "/name", 1...100)
        let address = checks.text(input.address, "/address", 0...200)
        try checks.finish()
        let merchant = Merchant()
        merchant.communityCode = community.id ?? ""
        merchant.name = name
        merchant.address = address
        merchant.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await merchant.create(on: req.db) }
        return merchant
    }

    func addGoods(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let merchant = try await CommunityScope.find(Merchant.self, req, principal, what: "merchant")
        let goods = try await Self.addGoods(try req.content.decode(GoodsInput.self), to: merchant, req)
        return try await Self.dto(goods).encodeResponse(status: .created, for: req)
    }

    static func addGoods(_ input: GoodsInput, to merchant: Merchant, _ req: Request) async throws -> MerchantGoods {
        var checks = InputValidator(req)
        let name = checks.text(input.name, "/name", 1...100)
        if !(1...100_000).contains(input.points ?? 0) { checks.fail("/points", "1–100000 points / 所需积分 1–100000") }
        if !(0...100_000).contains(input.stock ?? -1) { checks.fail("/stock", "0–100000 / 库存 0–100000") }
        try checks.finish()
        let goods = MerchantGoods()
        goods.merchantID = try merchant.requireID()
        goods.communityCode = merchant.communityCode
        goods.name = name
        goods.points = input.points ?? 1
        goods.stock = input.stock ?? 0
        try await req.lianxin.writes.run { try await goods.create(on: req.db) }
        return goods
    }
}
