import Fluent

/// The points thresholds (记分管理) as data (#22): the standard 6 / 12 / 20 until a supervisor changes them.
struct CreatePointsThresholds: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(InsurancePointsThreshold.schema).id()
            .field("subject", .string, .required).field("action", .string, .required).field("points", .int, .required)
            .unique(on: "subject", "action").create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(InsurancePointsThreshold.schema).delete()
    }
}
