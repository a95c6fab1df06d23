import Vapor
import Fluent
import LianxinCore

/// What the exchange endpoints accept and answer with.
extension ExchangeController {
    struct MerchantInput: Content { var communityCode: String?; var name: String?; var address: String? }

    struct GoodsInput: Content { var name: String?; var points: Int?; var stock: Int? }

    struct GoodsDTO: Content { var id: UUID; var merchantId: UUID; var name: String; var points: Int; var stock: Int }

    struct MerchantDTO: Content { var id: UUID; var communityCode: String; var name: String; var address: String; var goods: [GoodsDTO] }

    /// The points' holder is a volunteer (`volunteerId`) or, for household points (以评弘德), a household (`householdId`).
    struct ExchangeInput: Content { var volunteerId: UUID?; var householdId: UUID? = nil; var goodsId: UUID?; var quantity: Int? }

    struct ExchangeDTO: Content {
        var id: UUID
        var volunteerId: UUID
        var goodsId: UUID
        var quantity: Int
        var points: Int
        var balance: Int?
        var at: Date
    }

}
