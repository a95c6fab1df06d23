import Vapor
import Fluent
import LianxinCore

/// Finds the principal from the session cookie or a bearer token. It never refuses a request
/// itself; handlers call `requirePrincipal()` or `require(_:)`.
struct AuthenticationMiddleware: AsyncMiddleware {
    static let sessionCookie = "lianxin_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            request.principal = try await Self.principal(bearer: bearer.token, on: request)
            guard request.principal != nil else { throw Problem.unauthorized }
        } else if let token = request.cookies[Self.sessionCookie]?.string {
            request.principal = try await Self.principal(sessionToken: token, on: request)
        }
        return try await next.respond(to: request)
    }

    private static func principal(sessionToken: String, on request: Request) async throws -> Principal? {
        let context = request.lianxin
        let hash = context.cipher.tokenHash(sessionToken)
        guard let session = try await UserSession.query(on: request.db).filter(\.$tokenHash == hash).with(\.$user).first()
        else { return nil }
        let now = context.now()
        guard context.sessionPolicy.isValid(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, at: now),
              session.user.active else {
            try await session.delete(on: request.db)
            return nil
        }
        if context.sessionPolicy.needsTouch(lastSeenAt: session.lastSeenAt, at: now) {
            session.lastSeenAt = now
            try await session.update(on: request.db)
        }
        return try Principal(user: session.user, sessionID: session.requireID(), csrfToken: session.csrfToken)
    }

    private static func principal(bearer token: String, on request: Request) async throws -> Principal? {
        let hash = request.lianxin.cipher.tokenHash(token)
        guard let apiToken = try await ApiToken.query(on: request.db).filter(\.$tokenHash == hash)
            .filter(\.$revokedAt == nil).with(\.$user).first(), apiToken.user.active else { return nil }
        let now = request.lianxin.now()
        if apiToken.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            apiToken.lastUsedAt = now
            try await apiToken.update(on: request.db)
        }
        return try Principal(user: apiToken.user, sessionID: nil, csrfToken: nil)
    }
}

extension Principal {
    init(user: User, sessionID: UUID?, csrfToken: String?) throws {
        guard let division = DivisionCode(user.divisionCode) else {
            throw Problem(.internalServerError, type: "internal", title: "Bad account", detail: "account has no valid division")
        }
        self.init(userID: try user.requireID(), username: user.username, displayName: user.displayName, role: user.role,
                  division: division, departmentID: user.$department.id, sessionID: sessionID, csrfToken: csrfToken)
    }
}
