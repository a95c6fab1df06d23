import Vapor
import Fluent

/// `lianxin migrate`: applies pending migrations without asking (run once per deployment on PostgreSQL).
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "revert-last", help: "Revert the last batch of migrations instead.")
        var revertLast: Bool
    }

    var help: String { "Applies pending database migrations (or reverts the last batch)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let migrator = context.application.migrator
        try await migrator.setupIfNeeded().get()
        if signature.revertLast {
            try await migrator.revertLastBatch().get()
            context.console.print("reverted the last batch")
        } else {
            let pending = try await migrator.previewPrepareBatch().get()
            try await migrator.prepareBatch().get()
            context.console.print(pending.isEmpty ? "schema is up to date" : "applied \(pending.count) migrations:")
            for (migration, _) in pending { context.console.print("  \(migration.name)") }
            try await ReferenceData.seedIfEmpty(context.application)
        }
    }
}

/// `lianxin demo`: seeds the demo city and prints the demo accounts.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Seeds the demo city of 上饶市 (idempotent) and prints the demo accounts." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await prepareDatabase(context.application)
        for line in try await DemoSeeder(application: context.application).run() { context.console.print(line) }
    }
}
