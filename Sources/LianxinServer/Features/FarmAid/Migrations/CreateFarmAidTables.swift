import Fluent

/// 农耕地互助 (#24): fields, teams, requests and the days exchanged.
struct CreateFarmAidTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FarmField.schema).id()
            .field("household_id", .uuid, .required, .references(Household.schema, "id")).field("community_code", .string, .required)
            .field("name", .string, .required).field("area_tenths", .int, .required).field("crop", .string, .required)
            .field("labour_short", .bool, .required).field("created_at", .datetime, .required).create()
        try await database.schema(FarmTeam.schema).id()
            .field("community_code", .string, .required).field("name", .string, .required).field("leader", .string, .required)
            .field("members", .string, .required).field("created_at", .datetime, .required).create()
        try await database.schema(FarmRequest.schema).id()
            .field("community_code", .string, .required).field("household_id", .uuid, .required, .references(Household.schema, "id"))
            .field("field_id", .uuid, .required, .references(FarmField.schema, "id")).field("task", .string, .required)
            .field("season", .string, .required).field("wanted_on", .string, .required).field("days_tenths", .int, .required)
            .field("status", .string, .required).field("team_id", .uuid, .references(FarmTeam.schema, "id")).field("done_on", .string)
            .field("created_by", .string, .required).field("created_at", .datetime, .required).create()
        try await database.schema(FarmExchange.schema).id()
            .field("request_id", .uuid, .required, .references(FarmRequest.schema, "id")).field("community_code", .string, .required)
            .field("helper_household_id", .uuid, .required, .references(Household.schema, "id"))
            .field("host_household_id", .uuid, .required, .references(Household.schema, "id")).field("tenths", .int, .required)
            .field("worked_on", .string, .required).create()
        try await database.index(on: FarmField.schema, name: "farm_fields_community", columns: ["community_code"])
        try await database.index(on: FarmRequest.schema, name: "farm_requests_community", columns: ["community_code", "status"])
    }

    func revert(on database: any Database) async throws {
        for schema in [FarmExchange.schema, FarmRequest.schema, FarmTeam.schema, FarmField.schema] {
            try await database.schema(schema).delete()
        }
    }
}
