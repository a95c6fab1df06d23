import Fluent

/// Volunteers get a personal link on which they take and complete the service orders assigned to them.
struct UpdateVolunteerAddLinkToken: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Volunteer.schema).field("link_token_hash", .string).update()
        try await database.index(on: Volunteer.schema, name: "cs_volunteers_link_token_hash", columns: ["link_token_hash"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Volunteer.schema).deleteField("link_token_hash").update()
    }
}
