import Vapor
import Fluent

/// One trained category classifier, stored whole (the `LXCM` model file bytes) so that every
/// instance of a deployment loads the same model without shared disk. Versions only grow; the
/// server uses the newest version that is not disabled and decodes cleanly.
final class ClassifierModelRecord: Model, @unchecked Sendable {
    static let schema = "classifier_models"

    @ID(key: .id) var id: UUID?
    @Field(key: "version") var version: Int
    @Field(key: "created_at") var createdAt: Date
    /// Where the examples came from: `csv:NAME`, `database`, `import:NAME`.
    @Field(key: "source") var source: String
    @Field(key: "example_count") var exampleCount: Int
    @Field(key: "labels") var labels: String
    /// Cross-validated macro-F1 when training was evaluated.
    @OptionalField(key: "macro_f1") var macroF1: Double?
    @Field(key: "sha256") var sha256: String
    @Field(key: "size") var size: Int
    @Field(key: "data") var data: Data
    @Field(key: "disabled") var disabled: Bool
    @OptionalField(key: "created_by") var createdBy: String?

    init() {}
}

/// An operator's choice of a category other than the one the classifier suggested (纠错): kept as
/// a labelled example for the next training, whatever becomes of the order.
final class ClassificationCorrection: Model, @unchecked Sendable {
    static let schema = "classification_corrections"

    @ID(key: .id) var id: UUID?
    @Field(key: "order_id") var orderID: UUID
    @Field(key: "text") var text: String
    @Field(key: "suggested_label") var suggestedLabel: String
    @Field(key: "chosen_label") var chosenLabel: String
    @Field(key: "model_version") var modelVersion: Int
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "at") var at: Date

    init() {}
}
