import Vapor
import Fluent
import LianxinCore

/// The points-exchange page (积分兑换): merchants, goods and spending.
extension CommunityPagesController {
    struct ExchangeModel: Encodable, Sendable {
        var flash: Flash
        var merchants: [ExchangeController.MerchantDTO]
        var goods: [SelectOption]
        var volunteers: [SelectOption]
        var canManage: Bool
        var canRecord: Bool
        var communityChoice: Bool
    }

    func exchange(req: Request) async throws -> Response {
        let principal = try await req.require(.viewCommunityServices)
        let merchants = try await ExchangeService.merchants(principal, req)
        let volunteers = try await VolunteerService.dtos(
            try await CommunityScope.limit(Volunteer.query(on: req.db), to: principal).sort(\.$name).limit(1000).all(), req)
        return try await req.page(
            "community/exchange", title: "cs_exchange_title",
            model: ExchangeModel(
                flash: Flash(req), merchants: merchants,
                goods: merchants.flatMap { merchant in
                    merchant.goods.map { SelectOption(value: $0.id.uuidString, label: "\(merchant.name) · \($0.name) (\($0.points))") }
                },
                volunteers: volunteers.map { SelectOption(value: $0.id.uuidString, label: "\($0.name) (\($0.balance))") },
                canManage: principal.role.can(.manageCommunityServices), canRecord: principal.role.can(.orderCommunityServices),
                communityChoice: principal.division.level != .community))
    }

    func addMerchant(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        return try await req.communityForm(back: "/community/exchange") {
            let merchant = try await ExchangeService.addMerchant(
                try req.content.decode(ExchangeController.MerchantInput.self), principal: principal, req)
            return req.t("cs_saved") + " " + merchant.name
        }
    }

    func addGoods(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let merchant = try await CommunityScope.find(Merchant.self, req, principal, what: "merchant")
        return try await req.communityForm(back: "/community/exchange") {
            let goods = try await ExchangeService.addGoods(try req.content.decode(ExchangeController.GoodsInput.self), to: merchant, req)
            return req.t("cs_saved") + " " + goods.name
        }
    }

    func spend(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        struct Form: Content { var volunteerId: String?; var goodsId: String?; var quantity: Int? }
        return try await req.communityForm(back: "/community/exchange") {
            let form = try req.content.decode(Form.self)
            let result = try await ExchangeService.exchange(
                ExchangeController.ExchangeInput(
                    volunteerId: form.volunteerId.flatMap(UUID.init(uuidString:)), goodsId: form.goodsId.flatMap(UUID.init(uuidString:)),
                    quantity: form.quantity), principal: principal, req)
            return req.t("cs_exchanged") + " −\(result.points) → \(result.balance ?? 0)"
        }
    }
}
