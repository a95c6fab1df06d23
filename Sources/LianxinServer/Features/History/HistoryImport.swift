import Fluent
import Foundation

/// One run of `lianxin import orders`: which file, into which division, how many orders.
final class HistoryImport: Model, @unchecked Sendable {
    static let schema = "history_imports"
    /// The orders each import brought (`order_id`, `import_id`, `source_line`).
    static let ordersTable = "history_import_orders"
    static let orderColumns = ["order_id", "import_id", "source_line"]

    @ID(key: .id) var id: UUID?
    @Field(key: "file_name") var fileName: String
    @OptionalField(key: "division_code") var divisionCode: String?
    @Field(key: "orders") var orders: Int
    @Field(key: "actor") var actor: String
    @Field(key: "started_at") var startedAt: Date
    @Field(key: "finished_at") var finishedAt: Date

    init() {}
}
