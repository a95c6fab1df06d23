import Vapor
import LianxinCore

/// The signed-in staff member behind a request, with the scope every query is limited to.
struct Principal: Sendable {
    let userID: UUID
    let username: String
    let displayName: String
    let role: Role
    let division: DivisionCode
    let departmentID: UUID?
    /// The browser session, when signed in with a cookie (nil for API tokens).
    let sessionID: UUID?
    let csrfToken: String?
    /// The password is older than the rotation policy allows.
    var passwordExpired = false
    /// An administrator chose the password (a new account, a reset): the owner must change it before anything else.
    var mustChangePassword = false

    /// Whether `code` lies inside this principal's division subtree.
    func canSee(_ code: DivisionCode) -> Bool { division.contains(code) }

    func canSee(divisionCode text: String) -> Bool { DivisionCode(text).map(canSee) ?? false }
}

extension Request {
    private struct PrincipalKey: StorageKey { typealias Value = Principal }

    /// The signed-in principal, if any.
    var principal: Principal? {
        get { storage[PrincipalKey.self] }
        set { storage[PrincipalKey.self] = newValue }
    }

    /// The principal, or a 401.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw Problem.unauthorized }
        return principal
    }

    /// The principal if its role holds `permission`; otherwise the denial is audited and a 403 thrown.
    func require(_ permission: Permission) async throws -> Principal {
        let principal = try requirePrincipal()
        guard principal.role.can(permission) else {
            await audit(
                .permissionDenied, result: .denied, target: "\(method.rawValue) \(url.path)",
                detail: "needs \(permission.rawValue)")
            throw Problem.forbidden
        }
        return principal
    }

    /// A record outside the principal's scope: audited, and answered as if it did not exist.
    func outOfScope(_ what: String, target: String) async -> Problem {
        await audit(.scopeDenied, result: .denied, target: target, detail: what)
        return .notFound(what)
    }
}
