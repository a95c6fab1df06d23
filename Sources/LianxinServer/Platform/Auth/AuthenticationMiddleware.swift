import Vapor
import Fluent
import SQLKit
import LianxinCore

/// Finds the principal from the session cookie or a bearer token. It never refuses a request
/// itself; handlers call `requirePrincipal()` or `require(_:)`.
struct AuthenticationMiddleware: AsyncMiddleware {
    static let sessionCookie = "lianxin_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // The metrics scraper's bearer token is not an account's; the metrics route checks it itself.
        if request.url.path == "/metrics" { return try await next.respond(to: request) }
        if request.headers.bearerAuthorization != nil || request.cookies[Self.sessionCookie] != nil {
            try await request.lianxin.authCache.followEpoch(on: request.db, now: request.lianxin.now())
        }
        if let bearer = request.headers.bearerAuthorization {
            request.principal = try await Self.principal(bearer: bearer.token, on: request)
            guard request.principal != nil else { throw Problem.unauthorized }
        } else if let token = request.cookies[Self.sessionCookie]?.string {
            request.principal = try await Self.principal(sessionToken: token, on: request)
        }
        if let principal = request.principal, principal.passwordExpired || principal.mustChangePassword,
            !Self.allowedWithExpiredPassword(request)
        {
            if request.url.path.hasPrefix("/api/") || principal.sessionID == nil {
                throw Problem(
                    .forbidden, type: "password-expired", title: "Password expired",
                    detail: InputValidator(request).message(principal.mustChangePassword ? "security_must_change" : "security_password_expired"))
            }
            return request.redirect(to: "/account?expired=1")
        }
        return try await next.respond(to: request)
    }

    private static func principal(sessionToken: String, on request: Request) async throws -> Principal? {
        let context = request.lianxin
        let hash = context.cipher.tokenHash(sessionToken)
        let now = context.now()
        if var cached = context.authCache.entry(hash, now: now), let sessionID = cached.principal.sessionID {
            guard context.sessionPolicy.isValid(createdAt: cached.createdAt, lastSeenAt: cached.lastSeenAt ?? cached.createdAt, at: now) else {
                context.authCache.remove(hash)
                try await UserSession.query(on: request.db).filter(\.$id == sessionID).delete()
                return nil
            }
            if context.sessionPolicy.needsTouch(lastSeenAt: cached.lastSeenAt ?? cached.createdAt, at: now) {
                try await UserSession.query(on: request.db).filter(\.$id == sessionID).set(\.$lastSeenAt, to: now).update()
                cached.lastSeenAt = now
                context.authCache.store(cached, for: hash)
            }
            cached.principal.passwordExpired = context.passwordPolicy.isExpired(changedAt: cached.passwordChangedAt, at: now)
            return cached.principal
        }
        guard let session = try await UserSession.query(on: request.db).filter(\.$tokenHash == hash).with(\.$user).first()
        else { return nil }
        guard context.sessionPolicy.isValid(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, at: now),
            session.user.active
        else {
            try await session.delete(on: request.db)
            return nil
        }
        if context.sessionPolicy.needsTouch(lastSeenAt: session.lastSeenAt, at: now) {
            session.lastSeenAt = now
            try await session.update(on: request.db)
        }
        var principal = try Principal(user: session.user, sessionID: session.requireID(), csrfToken: session.csrfToken)
        principal.passwordExpired = context.passwordPolicy.isExpired(changedAt: session.user.passwordChangedAt, at: now)
        principal.mustChangePassword = session.user.mustChangePassword
        context.authCache.store(
            .init(
                principal: principal, readAt: now, createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, expiresAt: nil, tokenID: nil,
                passwordChangedAt: session.user.passwordChangedAt), for: hash)
        return principal
    }

    /// What a user whose password has expired may still do: change it, sign out, switch language.
    private static func allowedWithExpiredPassword(_ request: Request) -> Bool {
        let path = request.url.path
        return path == "/account" || path.hasPrefix("/account/") || path == "/logout" || path.hasPrefix("/lang/")
            || path.hasPrefix("/css/") || path.hasPrefix("/js/") || path == "/favicon.svg"
    }

    /// One joined read of the token and its user (on a cache miss, so no model reflection), then kept in `AuthCache`. A token
    /// works until it expires or is revoked, and only while its user's password is current (a token made before
    /// expiry existed lives the configured lifetime from its creation).
    private static func principal(bearer token: String, on request: Request) async throws -> Principal? {
        let context = request.lianxin
        let hash = context.cipher.tokenHash(token)
        let sql = request.db.sql
        let now = context.now()
        if var cached = context.authCache.entry(hash, now: now), let tokenID = cached.tokenID, let expiresAt = cached.expiresAt {
            guard expiresAt > now else {
                context.authCache.remove(hash)
                return nil
            }
            if cached.lastSeenAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
                try await sql.update(ApiToken.schema).set("last_used_at", to: now).where("id", .equal, tokenID).run()
                cached.lastSeenAt = now
                context.authCache.store(cached, for: hash)
            }
            cached.principal.passwordExpired = context.passwordPolicy.isExpired(changedAt: cached.passwordChangedAt, at: now)
            return cached.principal
        }
        guard
            let row = try await sql.raw(
                """
                SELECT t.id AS token_id, t.last_used_at, t.created_at, t.expires_at, u.id AS user_id, u.username, u.display_name,
                       u.role, u.division_code, u.department_id, u.active, u.password_changed_at, u.must_change_password
                FROM api_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.token_hash = \(bind: hash) AND t.revoked_at IS NULL
                """
            ).first(), try row.decode(column: "active", as: Bool.self)
        else { return nil }
        let lifetime = TimeInterval(context.settings.access.tokenLifetimeDays) * 86_400
        let expiresAt =
            try row.decode(column: "expires_at", as: Date?.self)
            ?? row.decode(column: "created_at", as: Date.self).addingTimeInterval(lifetime)
        guard expiresAt > now else { return nil }
        let tokenID = try row.decode(column: "token_id", as: UUID.self)
        var lastUsedAt = try row.decode(column: "last_used_at", as: Date?.self)
        if lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            try await sql.update(ApiToken.schema).set("last_used_at", to: now).where("id", .equal, tokenID).run()
            lastUsedAt = now
        }
        guard let role = Role(rawValue: try row.decode(column: "role", as: String.self)),
            let division = DivisionCode(try row.decode(column: "division_code", as: String.self))
        else {
            throw Problem(.internalServerError, type: "internal", title: "Bad account", detail: "account has no valid role or division")
        }
        var principal = Principal(
            userID: try row.decode(column: "user_id", as: UUID.self), username: try row.decode(column: "username", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self), role: role, division: division,
            departmentID: try row.decode(column: "department_id", as: UUID?.self), sessionID: nil, csrfToken: nil)
        let passwordChangedAt = try row.decode(column: "password_changed_at", as: Date.self)
        principal.passwordExpired = context.passwordPolicy.isExpired(changedAt: passwordChangedAt, at: now)
        principal.mustChangePassword = try row.decode(column: "must_change_password", as: Bool.self)
        context.authCache.store(
            .init(
                principal: principal, readAt: now, createdAt: try row.decode(column: "created_at", as: Date.self), lastSeenAt: lastUsedAt,
                expiresAt: expiresAt, tokenID: tokenID, passwordChangedAt: passwordChangedAt), for: hash)
        return principal
    }
}

extension Principal {
    init(user: User, sessionID: UUID?, csrfToken: String?) throws {
        guard let division = DivisionCode(user.divisionCode) else {
            throw Problem(.internalServerError, type: "internal", title: "Bad account", detail: "account has no valid division")
        }
        self.init(
            userID: try user.requireID(), username: user.username, displayName: user.displayName, role: user.role,
            division: division, departmentID: user.$department.id, sessionID: sessionID, csrfToken: csrfToken)
    }
}
