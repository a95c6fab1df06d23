import Vapor

/// `lianxin keys status` and `lianxin keys rotate`: the field-encryption keyring.
struct KeysCommand: AsyncCommandGroup {
    var help: String { "Field-encryption keys: which key each encrypted column uses, and rotating to a new key." }
    var commands: [String: any AnyAsyncCommand] { ["status": Status(), "rotate": Rotate()] }

    struct Status: AsyncCommand {
        struct Signature: CommandSignature {}
        var help: String { "Counts, for every encrypted column, the rows under each key id (legacy: written before key ids)." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let ring = app.lianxin.cipher.ring
            context.console.print("keys: \(ring.keys.map(\.id).joined(separator: ", ")) (current \(ring.current.id))")
            var total: [String: Int] = [:]
            for count in try await KeyRotation(app: app).status() {
                let parts = count.byKey.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                context.console.print("\(count.column): \(parts.isEmpty ? "no rows" : parts.joined(separator: ", "))")
                total.merge(count.byKey, uniquingKeysWith: +)
            }
            let stale = total.filter { $0.key != ring.current.id }.values.reduce(0, +)
            context.console.print(
                stale == 0 ? "every row is under the current key" : "\(stale) rows are not under the current key: run `lianxin keys rotate --resume`")
        }
    }

    struct Rotate: AsyncCommand {
        struct Signature: CommandSignature {
            @Flag(
                name: "resume",
                help:
                    "Do not generate a key: finish re-encrypting under the current key (after an interruption, or after changing LIANXIN_SECRET_KEY)."
            )
            var resume: Bool
            @Option(name: "batch", help: "Rows per transaction (default 500).")
            var batch: Int?
        }

        var help: String {
            "Generates a new current key in the keyring file, then re-encrypts every encrypted column under it, a batch per transaction."
        }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            if !signature.resume {
                guard let file = app.lianxin.settings.keyFile else {
                    throw CommandFailure(
                        "the keys come from LIANXIN_SECRET_KEY: put the old key (with its id) in LIANXIN_PREVIOUS_SECRET_KEYS, a new secret in LIANXIN_SECRET_KEY with a new LIANXIN_SECRET_KEY_ID, restart the servers, then run `lianxin keys rotate --resume`"
                    )
                }
                let id = try SecretKeyFile.appendGeneratedKey(to: file)
                app.lianxin.cipher.reload()
                context.console.print("added key \(id) to \(file); servers pick it up within seconds")
            }
            let ring = app.lianxin.cipher.ring
            context.console.print("re-encrypting under key \(ring.current.id)")
            let batch = signature.batch ?? 500
            guard (1...100_000).contains(batch) else { throw CommandFailure("--batch must be 1–100000") }
            let totals = try await KeyRotation(app: app, batchSize: batch).reencrypt { progress in
                context.console.print("  \(progress.column): \(progress.scanned) read, \(progress.rewritten) re-encrypted")
            }
            let failed = totals.map(\.failed).reduce(0, +)
            context.console.print("re-encrypted \(totals.map(\.rewritten).reduce(0, +)) values")
            if failed > 0 { throw CommandFailure("\(failed) values could not be decrypted with any key (see the log); they were left as they were") }
        }
    }
}
