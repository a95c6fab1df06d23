import Vapor
import Fluent
import LianxinCore

/// `lianxin import users FILE.csv [--passwords-out FILE]`.
struct UserImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "CSV with columns username,name,role,division[,unit,phone,grid,password].")
        var file: String
        @Option(
            name: "passwords-out",
            help: "Write the initial passwords (username,name,password) to this file, readable by its owner only, instead of printing them.")
        var passwordsOut: String?
    }

    var help: String {
        "Creates staff accounts from a CSV, all or nothing with every bad row listed; each must change its password at first sign-in."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await prepareDatabase(app)
        guard let text = try? String(contentsOfFile: signature.file, encoding: .utf8) else {
            throw CommandFailure("cannot read \(signature.file) as UTF-8 text")
        }
        try Self.checkWritable(signature.passwordsOut)
        let created: [UserImporter.Created] = try await reportingProblems(context) {
            try await UserImporter(application: app).importCSV(text, by: nil, actor: .commandLine, ip: nil)
        }
        try Self.hand(created, passwordsOut: signature.passwordsOut, context)
    }

    /// Checked before anything is written, so that the passwords have a place to go.
    static func checkWritable(_ path: String?) throws {
        guard let path else { return }
        do { try DataFiles.save(Data(), to: path) } catch { throw CommandFailure("cannot write \(path)") }
    }

    /// Hands the initial passwords over once: into `passwordsOut` (owner-readable) or on the console.
    static func hand(_ created: [UserImporter.Created], passwordsOut: String?, _ context: CommandContext) throws {
        let lines = [CSVWriter.line(["username", "name", "password"])] + created.map { CSVWriter.line([$0.username, $0.displayName, $0.password]) }
        if let path = passwordsOut {
            do { try DataFiles.save(Data(lines.joined().utf8), to: path) } catch {
                throw CommandFailure("the accounts were created, but \(path) could not be written: reset their passwords on the account pages")
            }
            context.console.print("created \(created.count) accounts; their initial passwords are in \(path) (shown nowhere else)")
        } else {
            context.console.print("created \(created.count) accounts; initial passwords (shown once, to be changed at first sign-in):")
            for line in lines { context.console.print(line.trimmingCharacters(in: .newlines)) }
        }
    }
}
