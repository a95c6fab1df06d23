import Vapor
import Fluent
import LianxinCore

/// `lianxin classifier list|import|disable|enable`: the stored classifier models.
struct ClassifierCommands: AsyncCommandGroup {
    var help: String { "Lists, imports, disables and re-enables stored classifier models." }
    var commands: [String: any AnyAsyncCommand] {
        ["list": List(), "import": Import(), "disable": Toggle(disable: true), "enable": Toggle(disable: false)]
    }

    struct List: AsyncCommand {
        struct Signature: CommandSignature {}
        var help: String { "Lists stored models, newest first (the newest enabled one is in use)." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let rows = try await ClassifierModelRecord.query(on: app.db).sort(\.$version, .descending)
                .field(\.$id).field(\.$version).field(\.$createdAt).field(\.$source).field(\.$exampleCount)
                .field(\.$macroF1).field(\.$size).field(\.$disabled).field(\.$sha256).all()
            if rows.isEmpty { context.console.print("no stored model: the shipped cold-start model is in use") }
            for row in rows {
                let f1 = row.macroF1.map { String(format: "macro-F1 %.4f", $0) } ?? "not evaluated"
                context.console.print(
                    "v\(row.version)  \(ISOTimestamp.format(row.createdAt))  \(row.source)  \(row.exampleCount) examples  \(f1)  \(row.size) bytes  \(row.sha256.prefix(12))\(row.disabled ? "  disabled" : "")"
                )
            }
        }
    }

    struct Import: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "file", help: "A model file written by `lianxin train --out`.") var file: String
        }
        var help: String { "Checks a model file and stores it as the next version." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            let model: ClassifierModel
            do {
                model = try ClassifierModel.load(from: URL(fileURLWithPath: signature.file))
            } catch let error as ClassifierError {
                throw CommandFailure("\(signature.file): \(error); nothing stored")
            } catch {
                throw CommandFailure("cannot read \(signature.file): \(error.localizedDescription)")
            }
            try await prepareDatabase(app)
            let record = try await ClassifierTraining.install(
                model, source: "import:" + (signature.file as NSString).lastPathComponent, macroF1: nil, by: .commandLine, app: app)
            context.console.print("stored as classifier model v\(record.version)")
        }
    }

    struct Toggle: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "version", help: "The model version (see `lianxin classifier list`).") var version: Int
        }
        let disable: Bool
        var help: String { disable ? "Stops using a model version (servers fall back to the newest enabled one)." : "Re-enables a model version." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            try await ClassifierTraining.setDisabled(disable, version: signature.version, by: .commandLine, app: app)
            context.console.print("classifier model v\(signature.version) \(disable ? "disabled" : "enabled")")
        }
    }
}
