import Vapor
import Fluent

struct CreateGridChanges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(GridChange.schema)
            .id()
            .field("division_code", .string, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("reason", .string, .required)
            .field("status", .string, .required)
            .field("round", .int, .required)
            .field("grids", .string, .required)
            .field("retiring", .string, .required)
            .field("proposed_by", .uuid, .required)
            .field("proposed_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("effective_on", .string)
            .field("decided_by", .uuid)
            .field("applied_at", .datetime)
            .field("failure", .string)
            .create()
        try await database.schema(GridChangeReview.schema)
            .id()
            .field("change_id", .uuid, .required, .references(GridChange.schema, "id"))
            .field("round", .int, .required)
            .field("reviewer_id", .uuid, .required)
            .field("reviewer_name", .string, .required)
            .field("reviewer_role", .string, .required)
            .field("department_id", .uuid)
            .field("decision", .string, .required)
            .field("comment", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await database.index(on: GridChange.schema, name: "grid_changes_status", columns: ["status", "effective_on"])
        try await database.index(on: GridChangeReview.schema, name: "grid_change_reviews_change", columns: ["change_id", "round"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GridChangeReview.schema).delete()
        try await database.schema(GridChange.schema).delete()
    }
}
