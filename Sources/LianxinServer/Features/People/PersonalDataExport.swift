import Fluent
import SQLKit
import Vapor
import LianxinCore

/// One file of personal data that left Lianxin: who took it, how many rows, masked or not, and
/// why. The ledger the volume alert sums over (`ExportPolicy`); the audit log records the same
/// export for the auditors.
final class PersonalDataExport: Model, @unchecked Sendable {
    static let schema = "personal_data_exports"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "what") var what: String
    @Field(key: "rows") var rows: Int
    @Field(key: "weight") var weight: Int
    @Field(key: "unmasked") var unmasked: Bool
    @Field(key: "reason") var reason: String
    @Field(key: "at") var at: Date

    init() {}

    init(userID: UUID, what: String, rows: Int, weight: Int, unmasked: Bool, reason: String, at: Date) {
        self.userID = userID
        self.what = what
        self.rows = rows
        self.weight = weight
        self.unmasked = unmasked
        self.reason = reason
        self.at = at
    }

    /// The weighted rows `userID` exported since `since`. (Cast, as PostgreSQL sums integers as
    /// NUMERIC.)
    static func volume(of userID: UUID, since: Date, on db: any Database) async throws -> Int {
        try await db.sql.raw(
            """
            SELECT CAST(COALESCE(SUM(weight), 0) AS BIGINT) AS total FROM personal_data_exports
            WHERE user_id = \(bind: userID) AND at >= \(bind: since)
            """
        ).first()?.decode(column: "total", as: Int.self) ?? 0
    }
}

extension Application {
    private struct ExportPolicyKey: StorageKey { typealias Value = ExportPolicy }

    /// The caps and alert volume of personal-data exports (the defaults of `ExportPolicy`).
    var exportPolicy: ExportPolicy {
        get { storage[ExportPolicyKey.self] ?? ExportPolicy() }
        set { storage[ExportPolicyKey.self] = newValue }
    }
}
