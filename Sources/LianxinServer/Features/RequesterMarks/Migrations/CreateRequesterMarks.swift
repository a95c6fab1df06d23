import Fluent
import SQLKit

/// The requester marks, found by the phone's blind index (the desk's look-up) and by status (the centre's queue).
struct CreateRequesterMarks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RequesterMark.schema)
            .id()
            .field("phone_index", .string, .required)
            .field("order_id", .uuid, .required)
            .field("order_number", .string, .required)
            .field("division_code", .string, .required)
            .field("kind", .string, .required)
            .field("reason", .string, .required)
            .field("days", .int, .required)
            .field("status", .string, .required)
            .field("proposed_by", .uuid, .required)
            .field("proposed_by_name", .string, .required)
            .field("proposed_at", .datetime, .required)
            .field("decided_by_name", .string)
            .field("decided_at", .datetime)
            .field("decision_note", .string)
            .field("expires_at", .datetime)
            .create()
        try await database.index(on: RequesterMark.schema, name: "requester_marks_phone", columns: ["phone_index", "status"])
        try await database.index(on: RequesterMark.schema, name: "requester_marks_status", columns: ["status", "division_code"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RequesterMark.schema).delete()
    }
}
