import Vapor
import Fluent
import LianxinCore

/// Whether the resident chose to publish an order (`is_public`), and who recorded it: the resident
/// on /p/report, the Open311 filer. One row an order at most.
final class OrderPublication: Model, @unchecked Sendable {
    static let schema = "order_publications"

    @ID(key: .id) var id: UUID?
    @Field(key: "order_id") var orderID: UUID
    /// Optional only so that a left join can ask for "no row" (`IS NULL`); rows always hold a value.
    @OptionalField(key: "is_public") var isPublic: Bool?
    @Field(key: "chosen_by") var chosenBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// Records the choice for `order` (replacing an earlier one).
    static func record(_ isPublic: Bool, for order: WorkOrder, by who: String, at now: Date, on db: any Database) async throws {
        let orderID = try order.requireID()
        let row = try await OrderPublication.query(on: db).filter(\.$orderID == orderID).first() ?? OrderPublication()
        row.orderID = orderID
        row.isPublic = isPublic
        row.chosenBy = who
        row.createdAt = now
        try await row.save(on: db)
    }

    /// Orders the public interfaces may show (`PublicationRule` in SQL): a "yes" recorded, or no
    /// choice and a public-by-default channel (any channel when `allChannels`).
    static func published(_ query: QueryBuilder<WorkOrder>, allChannels: Bool) -> QueryBuilder<WorkOrder> {
        let channels = PublicationRule.publicByDefault.map(\.rawValue)
        return query.join(OrderPublication.self, on: \WorkOrder.$id == \OrderPublication.$orderID, method: .left)
            .group(.or) { either in
                either.filter(OrderPublication.self, \.$isPublic == true)
                if allChannels {
                    either.filter(OrderPublication.self, \.$isPublic == nil)
                } else {
                    either.group(.and) { $0.filter(OrderPublication.self, \.$isPublic == nil).filter(\WorkOrder.$channel ~~ channels) }
                }
            }
    }

    /// Whether `order` is published.
    static func isPublished(_ order: WorkOrder, allChannels: Bool, on db: any Database) async throws -> Bool {
        let choice = try await OrderPublication.query(on: db).filter(\.$orderID == order.requireID()).first()?.isPublic
        return PublicationRule.isPublic(channel: order.channel, choice: choice, allChannels: allChannels)
    }
}
