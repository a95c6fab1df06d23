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
        if let path = signature.passwordsOut {
            // Checked before anything is written, so that the passwords have a place to go.
            do { try DataFiles.save(Data(), to: path) } catch { throw CommandFailure("cannot write \(path)") }
        }
        let created: [UserImporter.Created]
        do {
            created = try await UserImporter(application: app).importCSV(text, by: nil, actor: .commandLine, ip: nil)
        } catch let problem as Problem {
            for error in problem.errors { context.console.error("\(error.field): \(error.message)") }
            throw CommandFailure(problem.detail)
        }
        let lines = [CSVWriter.line(["username", "name", "password"])] + created.map { CSVWriter.line([$0.username, $0.displayName, $0.password]) }
        if let path = signature.passwordsOut {
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
