import Vapor
import Fluent
import LianxinCore

/// Checking credentials and starting sessions.
extension AuthController {
    /// Checks a password with the lockout rule. Every outcome is audited with its cause, but an unknown user,
    /// a disabled or locked account and a wrong password get the same answer after the same work (one bcrypt
    /// check, against a decoy hash when there is nothing to check), so that neither the message nor the time
    /// tells which accounts exist or are locked.
    static func authenticate(username: String, password: String, code: String?, on req: Request) async throws -> Outcome {
        let context = req.lianxin
        let now = context.now()
        let passwords = Passwords(application: req.application)
        guard let user = try await User.query(on: req.db).filter(\.$username == username).first() else {
            await passwords.verifyDecoy(password)
            await req.audit(
                .loginFailed, result: .failure, target: "user:\(username.prefix(64))", detail: "unknown user",
                actor: AuditActor(id: nil, name: String(username.prefix(64)), role: nil, division: nil))
            return .failure(messageKey: "login_failed")
        }
        let actor = AuditActor(id: user.id, name: user.username, role: user.role.rawValue, division: user.divisionCode)
        let refusal = !user.active ? "account disabled" : context.lockout.isLocked(until: user.lockedUntil, at: now) ? "account locked" : nil
        if let refusal {
            await passwords.verifyDecoy(password)
            await req.audit(.loginFailed, result: .denied, target: "user:\(user.username)", detail: refusal, actor: actor)
            return .failure(messageKey: "login_failed")
        }
        var secondFactorProblem: String?
        // Administrators always (with LIANXIN_ADMIN_TOTP); anyone else once the security admin enrolled a second factor.
        if user.role.isAdministrator ? context.settings.adminTOTP : user.totpSecretCipher != nil {
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
        let passwordMatches = try await passwords.verify(password, against: user.passwordHash)
        if passwordMatches, secondFactorProblem == "second factor not enrolled" {
            await req.audit(.loginFailed, result: .denied, target: "user:\(user.username)", detail: "second factor not enrolled", actor: actor)
            return .failure(messageKey: "login_totp_enrol")
        }
        guard passwordMatches, secondFactorProblem == nil else {
            let userID = try user.requireID()
            let lockedNow = try await AccountLockout.recordFailure(userID: userID, lockout: context.lockout, now: now, on: req.db)
            await req.audit(
                .loginFailed, result: .failure, target: "user:\(user.username)",
                detail: passwordMatches ? (secondFactorProblem ?? "wrong password") : "wrong password", actor: actor)
            if lockedNow {
                await req.audit(
                    .accountLocked, result: .success, target: "user:\(user.username)",
                    detail: "locked for \(Int(context.lockout.lockDuration / 60)) minutes", actor: actor)
            }
            // With the right password the answer may name the code (#18 item 15): whoever typed it knows the password.
            if passwordMatches, !lockedNow, let secondFactorProblem {
                return .failure(messageKey: secondFactorProblem == "second factor missing" ? "login_totp_missing" : "login_totp_wrong")
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
        // A cap on concurrent sessions: signing in again ends the oldest beyond it.
        let userID = try user.requireID(), sessionID = try session.requireID()
        let others = try await UserSession.query(on: req.db).filter(\.$user.$id == userID).filter(\.$id != sessionID)
            .sort(\.$createdAt, .descending).sort(\.$lastSeenAt, .descending).all()
        let surplus = others.dropFirst(context.settings.access.maxSessionsPerUser - 1).compactMap(\.id)
        if !surplus.isEmpty {
            try await UserSession.query(on: req.db).filter(\.$id ~~ surplus).delete()
            try await AuthEpoch.raise(on: req.db, cache: context.authCache)
        }
        response.cookies[AuthenticationMiddleware.sessionCookie] = HTTPCookies.Value(
            string: token, isSecure: context.settings.publicBaseURL.hasPrefix("https:"), isHTTPOnly: true, sameSite: .lax)
    }
}
