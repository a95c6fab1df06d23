import Vapor
import Fluent

/// A new-employment worker (新就业群体: delivery rider, courier) registered as a part-time grid member by platform,
/// station and team; the phone is sealed and found by its blind index (which also finds their 随手拍 reports).
final class NewEmploymentWorker: Model, @unchecked Sendable {
    static let schema = "ne_workers"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "phone_cipher") var phoneCipher: Data
    @Field(key: "phone_index") var phoneIndex: String
    @Field(key: "platform") var platform: String
    @Field(key: "station") var station: String
    @Field(key: "team") var team: String
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "stage") var stage: String
    /// The day they started in the trade, `YYYY-MM-DD`.
    @Field(key: "trade_since") var tradeSince: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A recorded move along the growth path, with the figures it was decided on.
final class GrowthStageChange: Model, @unchecked Sendable {
    static let schema = "ne_stage_changes"
    @ID(key: .id) var id: UUID?
    @Field(key: "worker_id") var workerID: UUID
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "from_stage") var fromStage: String
    @Field(key: "to_stage") var toStage: String
    @Field(key: "reports") var reports: Int
    @Field(key: "months") var months: Int
    @Field(key: "decided_by") var decidedBy: String
    @Field(key: "at") var at: Date
    init() {}
}

/// An application for the tuition subsidy (虔新小哥学院): fees, diploma, months in the trade, the public notice and
/// the decision.
final class TuitionApplication: Model, @unchecked Sendable {
    static let schema = "ne_subsidies"
    @ID(key: .id) var id: UUID?
    @Field(key: "worker_id") var workerID: UUID
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "college") var college: String
    @Field(key: "programme") var programme: String
    @Field(key: "fees_fen") var feesFen: Int
    @Field(key: "amount_fen") var amountFen: Int
    @Field(key: "diploma_on") var diplomaOn: String
    @Field(key: "applied_on") var appliedOn: String
    @Field(key: "months_worked") var monthsWorked: Int
    @Field(key: "status") var status: String
    @OptionalField(key: "notice_ends") var noticeEnds: String?
    @OptionalField(key: "note") var note: String?
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: Date
    init() {}
}
