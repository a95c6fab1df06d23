import Vapor

/// `lianxin audit verify`: walks the audit log's hash chain; exits non-zero when it is broken.
struct AuditCommands: AsyncCommandGroup {
    var help: String { "The audit log: `verify` checks that no entry was deleted, altered or inserted." }
    var commands: [String: any AnyAsyncCommand] { ["verify": Verify()] }

    struct Verify: AsyncCommand {
        struct Signature: CommandSignature {}
        var help: String { "Walks the hash chain from the first entry and reports the first deleted, altered or inserted entry (exit 1)." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let result = try await AuditChain.verify(on: app.db)
            try await AuditLog.record(
                .auditVerified, result: result.intact ? .success : .failure, actor: .commandLine, detail: result.finding.rawValue,
                at: app.lianxin.now(), on: app.db)
            guard !result.intact else {
                context.console.print("audit log intact: \(result.checked) entries checked")
                return
            }
            let place = [result.seq.map { "at sequence number \($0)" }, result.entryID.map { "entry \($0.uuidString.lowercased())" }]
                .compactMap { $0 }.joined(separator: ", ")
            throw CommandFailure("audit log broken: an entry was \(result.finding.rawValue) \(place) (\(result.checked) entries intact before it)")
        }
    }
}
