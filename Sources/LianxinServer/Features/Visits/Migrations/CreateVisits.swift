import Vapor
import Fluent
import LianxinCore

struct CreateVisits: AsyncMigration {
    /// Shangrao's cadences (weekly for hardship households, any change for the floating population) and
    /// common county practice for the other tags; every household at least monthly. Editable as data.
    static let defaultRules: [(String, String)] = [
        ("*", "monthly"), (ResidentTag.livingAloneElderly.id, "every:3"), (ResidentTag.leftBehindChild.id, "weekly"),
        (ResidentTag.hardship.id, "weekly"), (ResidentTag.disabled.id, "weekly"), (ResidentTag.seriouslyIll.id, "every:3"),
        (ResidentTag.inDispute.id, "every:3"), (ResidentTag.floating.id, "onChange"), (ResidentTag.keyPerson.id, "weekly"),
    ]

    func prepare(on database: any Database) async throws {
        try await database.schema(VisitRuleRecord.schema)
            .field("tag_code", .string, .identifier(auto: false))
            .field("cadence", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema(Visit.schema)
            .id()
            .field("household_id", .uuid, .required)
            .field("grid_code", .string, .required)
            .field("community_code", .string, .required)
            .field("visitor_id", .uuid, .required)
            .field("visitor_name", .string, .required)
            .field("visited_at", .datetime, .required)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("note", .string, .required)
            .field("findings", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.index(on: Visit.schema, name: "visits_household", columns: ["household_id", "visited_at"])
        try await database.index(on: Visit.schema, name: "visits_grid", columns: ["grid_code", "visited_at"])
        for (tag, cadence) in Self.defaultRules {
            let rule = VisitRuleRecord()
            rule.id = tag
            rule.cadence = cadence
            rule.updatedAt = Date()
            try await rule.create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Visit.schema).delete()
        try await database.schema(VisitRuleRecord.schema).delete()
    }
}
