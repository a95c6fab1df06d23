import Vapor
import Fluent
import LianxinCore

/// `lianxin user create|reset-password|disable|token`.
struct UserCommands: AsyncCommandGroup {
    var help: String { "Manages staff accounts from the command line (the first admin is made here)." }
    var commands: [String: any AnyAsyncCommand] {
        ["create": Create(), "reset-password": ResetPassword(), "disable": Disable(), "token": Token(), "totp": EnrolTOTP()]
    }

    struct Create: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "username", help: "Login name (3–32 of a-z, 0-9, . _ -).") var username: String?
            @Option(name: "name", help: "Display name.") var name: String?
            @Option(name: "role", help: "One of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).") var role: String?
            @Option(name: "division", help: "Division code the account belongs to (default: the root division).") var division: String?
            @Option(name: "department", help: "Department code (required for handlers).") var department: String?
            @Option(name: "password", help: "Password; asked for when omitted. Also read from LIANXIN_NEW_PASSWORD.") var password: String?
            @Flag(
                name: "password-final",
                help: "The password is the owner's own: no change at first sign-in (without it, the owner must change it first).")
            var passwordFinal: Bool
        }

        var help: String { "Creates an account, e.g. `lianxin user create --role admin --username root`." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            guard let username = signature.username, let role = signature.role else {
                throw CommandFailure("--username and --role are required")
            }
            let division: String
            if let given = signature.division {
                division = given
            } else if let root = try await Division.query(on: app.db).sort(\.$id).first(), let code = root.id {
                division = code
            } else {
                throw CommandFailure("no divisions loaded: run `lianxin import divisions FILE.csv` (or `lianxin demo`) first")
            }
            let password =
                try signature.password ?? ProcessInfo.processInfo.environment["LIANXIN_NEW_PASSWORD"]
                ?? askPassword(context)
            let user = try await AccountService(application: app, database: app.db).create(
                .init(
                    username: username, displayName: signature.name ?? username, password: password, role: role,
                    divisionCode: division, departmentCode: signature.department),
                by: nil, actor: .commandLine, temporaryPassword: !signature.passwordFinal)
            context.console.print("created \(user.role.rawValue) account \(user.username) in division \(user.divisionCode)")
            if user.mustChangePassword { context.console.print("the password must be changed at the first sign-in (`--password-final`: not)") }
        }
    }

    struct ResetPassword: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "username", help: "The account.") var username: String?
            @Option(name: "password", help: "New password; asked for when omitted.") var password: String?
        }

        var help: String { "Sets a new password, unlocks the account and ends its sessions." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let user = try await findUser(signature.username, app)
            let password = try signature.password ?? ProcessInfo.processInfo.environment["LIANXIN_NEW_PASSWORD"] ?? askPassword(context)
            try await AccountService(application: app, database: app.db).resetPassword(of: user, to: password, actor: .commandLine)
            context.console.print("password of \(user.username) reset; the account is unlocked")
        }
    }

    struct EnrolTOTP: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "username", help: "The administrator account.") var username: String?
        }

        var help: String { "Gives an account a new TOTP secret (second sign-in factor) and prints it once for an authenticator app." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let user = try await findUser(signature.username, app)
            let secret = TOTP.base32(TOTP.generateSecret())
            user.totpSecretCipher = try app.lianxin.cipher.seal(secret)
            user.totpLastStep = nil
            try await app.db.transaction { db in
                try await user.update(on: db)
                try await AuditLog.record(
                    .secondFactorEnrolled, result: .success, actor: .commandLine, target: "user:\(user.username)",
                    at: app.lianxin.now(), on: db)
            }
            context.console.print("secret: \(secret)")
            context.console.print("uri:    \(TOTP(secret: TOTP.decodeBase32(secret) ?? []).uri(account: user.username, issuer: "连心 Lianxin"))")
        }
    }

    struct Disable: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "username", help: "The account.") var username: String?
        }

        var help: String { "Disables an account, ending its sessions and revoking its tokens." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let user = try await findUser(signature.username, app)
            try await AccountService(application: app, database: app.db).disable(user, actor: .commandLine)
            context.console.print("disabled \(user.username)")
        }
    }

    struct Token: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "username", help: "The account the token acts as.") var username: String?
            @Option(name: "name", help: "What the token is for, e.g. sms-gateway.") var name: String?
        }

        var help: String { "Issues a bearer API token for an account; it is printed once." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let user = try await findUser(signature.username, app)
            let token = try await AccountService(application: app, database: app.db)
                .issueToken(for: user, name: signature.name ?? "integration", actor: .commandLine)
            context.console.print(token)
        }
    }
}

/// A command-line error with a plain message.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    /// The problems of a refused file, each already printed with its field.
    var problems: [Problem.FieldError] = []
    init(_ description: String, problems: [Problem.FieldError] = []) {
        self.description = description
        self.problems = problems
    }
}

private func findUser(_ username: String?, _ app: Application) async throws -> User {
    guard let username else { throw CommandFailure("--username is required") }
    guard let user = try await User.query(on: app.db).filter(\.$username == username).first() else {
        throw CommandFailure("no account named \(username)")
    }
    return user
}

private func askPassword(_ context: CommandContext) throws -> String {
    let first = context.console.ask("Password:".consoleText(), isSecure: true)
    let second = context.console.ask("Repeat:".consoleText(), isSecure: true)
    guard first == second else { throw CommandFailure("the passwords differ") }
    return first
}
