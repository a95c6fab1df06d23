import Vapor
import Fluent

/// A client application allowed to file requests through Open311 (the `api_key`), with its own
/// rate limit. Only the key's hash is stored.
final class Open311Key: Model, @unchecked Sendable {
    static let schema = "open311_keys"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "key_hash") var keyHash: String
    @Field(key: "per_minute") var perMinute: Int
    @Field(key: "active") var active: Bool
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// `lianxin open311 key-add|keys|key-disable`: API keys for Open311 client applications.
struct Open311Commands: AsyncCommandGroup {
    var help: String { "Manages Open311 GeoReport v2 API keys." }
    var commands: [String: any AnyAsyncCommand] { ["key-add": Add(), "keys": List(), "key-disable": Disable()] }

    struct Add: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "name", help: "Who uses the key (an app, a partner system).") var name: String?
            @Option(name: "per-minute", help: "Requests filed per minute before 429 (default 30).") var perMinute: Int?
        }
        var help: String { "Issues a key and prints it once." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            guard let name = signature.name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { throw CommandFailure("--name is required") }
            let perMinute = signature.perMinute ?? 30
            guard (1...100_000).contains(perMinute) else { throw CommandFailure("--per-minute must be 1…100000") }
            let secret = FieldCipher.randomToken(bytes: 24)
            let key = Open311Key()
            key.name = name
            key.keyHash = app.lianxin.cipher.tokenHash(secret)
            key.perMinute = perMinute
            key.active = true
            key.createdAt = app.lianxin.now()
            try await app.db.transaction { db in
                try await key.create(on: db)
                try await AuditLog.record(
                    .settingsChanged, result: .success, actor: .commandLine, target: "open311-key:\(name)",
                    detail: "per-minute=\(perMinute)", at: app.lianxin.now(), on: db)
            }
            context.console.print(secret)
        }
    }

    struct List: AsyncCommand {
        struct Signature: CommandSignature {}
        var help: String { "Lists keys." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            for key in try await Open311Key.query(on: app.db).sort(\.$createdAt).all() {
                context.console.print("\(try key.requireID())  \(key.name)  \(key.perMinute)/min  \(key.active ? "active" : "disabled")")
            }
        }
    }

    struct Disable: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "id", help: "The key's id (from `lianxin open311 keys`).") var id: String
        }
        var help: String { "Disables a key." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            guard let id = UUID(uuidString: signature.id), let key = try await Open311Key.find(id, on: app.db) else {
                throw CommandFailure("no such key")
            }
            key.active = false
            try await app.db.transaction { db in
                try await key.update(on: db)
                try await AuditLog.record(
                    .settingsChanged, result: .success, actor: .commandLine, target: "open311-key:\(key.name)",
                    detail: "disabled", at: app.lianxin.now(), on: db)
            }
            context.console.print("disabled \(key.name)")
        }
    }
}
