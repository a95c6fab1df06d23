import Vapor
import Fluent
import LianxinCore

/// What `serve` checks about the demo accounts before it listens (#16 item 3): their password and TOTP secret
/// are published, so production refuses to start while any of them still opens with them, and a server
/// listening beyond loopback makes each of them change its password at the next sign-in.
extension DemoSeeder {
    /// Demo accounts that still open with the published password or TOTP secret (active ones only).
    func accountsWithPublishedCredentials() async throws -> [User] {
        let names = Self.accounts.map(\.username)
        let users = try await User.query(on: application.db).filter(\.$username ~~ names).filter(\.$active == true).sort(\.$username).all()
        let passwords = Passwords(application: application)
        var open: [User] = []
        for user in users {
            let secret = try? user.totpSecretCipher.map(application.lianxin.cipher.open)
            if secret == Self.totpSecret {
                open.append(user)
            } else if try await passwords.verify(Self.password, against: user.passwordHash) {
                open.append(user)
            }
        }
        return open
    }

    /// Refuses production while published demo credentials remain; off loopback (`bindAddress`), marks the demo
    /// accounts that still have the published password to change it. Returns lines for the console. `production`
    /// defaults to the settings' mode.
    func checkBeforeServing(bindAddress: String, production: Bool? = nil) async throws -> [String] {
        let open = try await accountsWithPublishedCredentials()
        if production ?? (application.lianxin.settings.mode == .production), !open.isEmpty {
            throw Refusal.demoAccountsRemain(open.map(\.username))
        }
        guard !OutboundTarget.isLoopbackHost(bindAddress), !open.isEmpty else { return [] }
        let passwords = Passwords(application: application)
        var marked: [String] = []
        for user in open where !user.mustChangePassword {
            guard try await passwords.verify(Self.password, against: user.passwordHash) else { continue }
            user.mustChangePassword = true
            try await application.db.transaction { db in
                try await user.update(on: db)
                try await AuditLog.record(
                    .passwordReset, result: .success, actor: .demo, target: "user:\(user.username)",
                    detail: "demo password must be changed: serving on \(bindAddress)", at: application.lianxin.now(), on: db)
            }
            marked.append(user.username)
        }
        return marked.isEmpty
            ? []
            : [
                "serving on \(bindAddress), not loopback: the demo accounts \(marked.joined(separator: ", ")) must change the published password at their next sign-in"
            ]
    }
}
