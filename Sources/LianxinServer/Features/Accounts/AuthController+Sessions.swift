import Vapor
import Fluent
import LianxinCore

/// Checking credentials and starting sessions.
extension AuthController {
    /// Checks a password with the lockout rule. Every outcome is audited; the same message answers an
    /// unknown user and a wrong password, so that accounts cannot be discovered.
    static func authenticate(username: String, password: String, code: String?, on req: Request) async throws -> Outcome {
        let context = req.lianxin
        let now = context.now()
        guard let user = try await User.query(on: req.db).filter(\.$username == username).first() else {
            // Spend the same time as a real check, so that timing does not tell which usernames exist.
            _ = try? await Passwords(application: req.application).verify(password, against: Self.decoyHash)
            await req.audit(
                .loginFailed, result: .failure, target: "user:\(username.prefix(64))", detail: "unknown user",
                actor: AuditActor(id: nil, name: String(username.prefix(64)), role: nil, division: nil))
            return .failure(messageKey: "login_failed")
        }
        let actor = AuditActor(id: user.id, name: user.username, role: user.role.rawValue, division: user.divisionCode)
        guard user.active else {
            await req.audit(.loginFailed, result: .denied, target: "user:\(user.username)", detail: "account disabled", actor: actor)
            return .failure(messageKey: "login_failed")
        }
        if context.lockout.isLocked(until: user.lockedUntil, at: now) {
            await req.audit(.loginFailed, result: .denied, target: "user:\(user.username)", detail: "account locked", actor: actor)
            return .failure(messageKey: "login_locked")
        }
        var secondFactorProblem: String?
        if context.settings.adminTOTP, user.role.isAdministrator {
            if let cipher = user.totpSecretCipher {
                let totp = TOTP(secret: TOTP.decodeBase32(try context.cipher.open(cipher)) ?? [])
                if let step = code.flatMap({ totp.verify($0, at: now) }), Int(step) > (user.totpLastStep ?? -1) {
                    user.totpLastStep = Int(step)
                } else {
                    secondFactorProblem = code?.isEmpty == false ? "wrong or reused second factor" : "second factor missing"
                }
            } else {
                secondFactorProblem = "second factor not enrolled"
            }
        }
        let passwordMatches = try await Passwords(application: req.application).verify(password, against: user.passwordHash)
        if passwordMatches, secondFactorProblem == "second factor not enrolled" {
            await req.audit(.loginFailed, result: .denied, target: "user:\(user.username)", detail: "second factor not enrolled", actor: actor)
            return .failure(messageKey: "login_totp_enrol")
        }
        guard passwordMatches, secondFactorProblem == nil else {
            let (failures, lockedUntil) = context.lockout.afterFailure(failures: user.failedLogins, at: now)
            user.failedLogins = failures
            user.lockedUntil = lockedUntil
            try await user.update(on: req.db)
            await req.audit(
                .loginFailed, result: .failure, target: "user:\(user.username)",
                detail: passwordMatches ? (secondFactorProblem ?? "wrong password") : "wrong password", actor: actor)
            if lockedUntil != nil {
                await req.audit(
                    .accountLocked, result: .success, target: "user:\(user.username)",
                    detail: "locked for \(Int(context.lockout.lockDuration / 60)) minutes", actor: actor)
                return .failure(messageKey: "login_locked")
            }
            return .failure(messageKey: "login_failed")
        }
        user.failedLogins = 0
        user.lockedUntil = nil
        user.lastLoginAt = now
        try await user.update(on: req.db)
        await req.audit(.loginSucceeded, result: .success, target: "user:\(user.username)", actor: actor)
        return .success(user)
    }

    /// Creates a session row and sets its cookie (HttpOnly, SameSite=Lax, Secure behind TLS).
    static func startSession(for user: User, on req: Request, response: Response) async throws {
        let context = req.lianxin
        let token = FieldCipher.randomToken()
        let session = UserSession(
            tokenHash: context.cipher.tokenHash(token), userID: try user.requireID(),
            csrfToken: FieldCipher.randomToken(bytes: 24), now: context.now(), ip: req.clientIP)
        try await session.create(on: req.db)
        response.cookies[AuthenticationMiddleware.sessionCookie] = HTTPCookies.Value(
            string: token, isSecure: context.settings.publicBaseURL.hasPrefix("https:"), isHTTPOnly: true, sameSite: .lax)
    }

    /// A bcrypt hash of a random password, checked against when the user does not exist.
    private static let decoyHash = "$2b$12$C6UzMDM.H6dfI/f/IKxGhuK2.qV1cP0tHX4.wMyX2EoTLQ8FMpjHy"
}
