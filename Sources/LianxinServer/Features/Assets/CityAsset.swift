import Fluent
import Foundation

/// A city asset (部件) in the registry: its code, class, place, owner unit and status.
final class CityAsset: Model, @unchecked Sendable {
    static let schema = "city_assets"

    @ID(key: .id) var id: UUID?
    /// The sixteen-digit code (`LianxinCore.AssetCode`), unique.
    @Field(key: "code") var code: String
    /// The four-digit class (小类) of GB/T 30428.2.
    @Field(key: "class_code") var classCode: String
    @Field(key: "name") var name: String
    /// The smallest division the position lies in (a grid's community, else the county of the code): scope.
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "longitude") var longitude: Double
    @Field(key: "latitude") var latitude: Double
    @OptionalField(key: "address") var address: String?
    /// The unit that owns and maintains it (权属单位); orders about it are routed there.
    @Field(key: "owner_department_id") var ownerDepartmentID: UUID
    /// `LianxinCore.AssetStatus`.
    @Field(key: "status") var status: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// One line of an asset's history: registered, imported again, edited, reported (with the order).
final class CityAssetEvent: Model, @unchecked Sendable {
    static let schema = "city_asset_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "asset_id") var assetID: UUID
    /// `registered`, `imported`, `edited` or `reported`.
    @Field(key: "kind") var kind: String
    /// What changed, for `edited` and `imported` (e.g. `status: intact → damaged`).
    @OptionalField(key: "detail") var detail: String?
    /// The order filed about the asset, for `reported`.
    @OptionalField(key: "order_id") var orderID: UUID?
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "at") var at: Date

    init() {}

    init(assetID: UUID, kind: String, detail: String? = nil, orderID: UUID? = nil, actorID: UUID?, at: Date) {
        self.assetID = assetID
        self.kind = kind
        self.detail = detail
        self.orderID = orderID
        self.actorID = actorID
        self.at = at
    }
}
