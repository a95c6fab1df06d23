import Fluent
import Foundation

/// The table of return reasons, filled with the defaults.
struct CreateReturnReasons: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReturnReason.schema)
            .id()
            .field("name", .string, .required)
            .field("needs_note", .bool, .required)
            .field("position", .int, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "name")
            .create()
        let now = Date()
        for (index, reason) in ReturnReason.defaults.enumerated() {
            try await ReturnReason(name: reason.name, needsNote: reason.needsNote, position: (index + 1) * 10, createdAt: now)
                .create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReturnReason.schema).delete()
    }
}
