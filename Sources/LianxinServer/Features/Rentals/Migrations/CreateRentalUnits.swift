import Fluent
import SQLKit

/// Rental units, tenancies and the grid members' visit tasks (issue 4, 流动人口).
struct CreateRentalUnits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RentalUnit.schema)
            .id()
            .field("public_code", .string, .required)
            .field("building_id", .uuid, .references(Building.schema, "id"))
            .field("address", .string, .required)
            .field("grid_code", .string, .required)
            .field("community_code", .string, .required, .references(Division.schema, "code"))
            .field("landlord_name", .string, .required)
            .field("landlord_phone_cipher", .data, .required)
            .field("landlord_phone_index", .string, .required)
            .field("landlord_token_hash", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "public_code")
            .unique(on: "landlord_token_hash")
            .create()
        try await database.index(on: RentalUnit.schema, name: "rental_units_community", columns: ["community_code", "address"])
        try await database.index(on: RentalUnit.schema, name: "rental_units_landlord", columns: ["landlord_phone_index"])

        try await database.schema(Tenancy.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(RentalUnit.schema, "id"))
            .field("grid_code", .string, .required)
            .field("community_code", .string, .required)
            .field("name", .string, .required)
            .field("id_number_cipher", .data, .required)
            .field("id_number_index", .string, .required)
            .field("phone_cipher", .data, .required)
            .field("phone_index", .string, .required)
            .field("gender", .string, .required)
            .field("birth_date", .string, .required)
            .field("registration_division", .string, .required)
            .field("moved_in", .string, .required)
            .field("moved_out", .string)
            .field("created_at", .datetime, .required)
            .field("checked_out_by", .string)
            .create()
        try await database.index(on: Tenancy.schema, name: "tenancies_unit", columns: ["unit_id", "moved_out"])
        try await database.index(on: Tenancy.schema, name: "tenancies_community", columns: ["community_code", "moved_out"])
        try await database.index(on: Tenancy.schema, name: "tenancies_registration", columns: ["registration_division", "moved_out"])
        try await database.index(on: Tenancy.schema, name: "tenancies_id_number", columns: ["id_number_index"])
        // One current stay per tenant and unit, whatever writes the row.
        try await database.sql.raw("CREATE UNIQUE INDEX tenancies_current ON tenancies (unit_id, id_number_index) WHERE moved_out IS NULL").run()

        try await database.schema(VisitTask.schema)
            .id()
            .field("kind", .string, .required)
            .field("grid_code", .string, .required)
            .field("assignee_id", .uuid, .references(User.schema, "id"))
            .field("tenancy_id", .uuid, .references(Tenancy.schema, "id"))
            .field("due_at", .datetime, .required)
            .field("done_at", .datetime)
            .field("note", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await database.index(on: VisitTask.schema, name: "visit_tasks_assignee", columns: ["assignee_id", "done_at", "due_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(VisitTask.schema).delete()
        try await database.schema(Tenancy.schema).delete()
        try await database.schema(RentalUnit.schema).delete()
    }
}
