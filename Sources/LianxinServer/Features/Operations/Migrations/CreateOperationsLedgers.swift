import Fluent

/// The record of scheduled backups (one claimed slot per interval, so several instances take one
/// backup) and the ledger of what retention anonymised (one row per record, so it is done once).
struct CreateOperationsLedgers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BackupRun.schema)
            .id()
            .field("slot", .int64)
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime)
            .field("file", .string)
            .field("bytes", .int64)
            .field("status", .string, .required)
            .field("detail", .string)
            .unique(on: "slot")
            .create()
        try await database.schema(RetentionLedgerEntry.schema)
            .id()
            .field("kind", .string, .required)
            .field("record_id", .uuid, .required)
            .field("done", .string, .required)
            .field("due_before", .string, .required)
            .field("at", .datetime, .required)
            .unique(on: "kind", "record_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RetentionLedgerEntry.schema).delete()
        try await database.schema(BackupRun.schema).delete()
    }
}
