import Vapor
import Fluent
import LianxinCore

/// Accounts the principal may see (their division's subtree), for the account pages, the API and the
/// security administrator's pages.
enum AccountLookup {
    static func scoped(_ principal: Principal, on db: any Database) -> QueryBuilder<User> {
        User.query(on: db).within(\.$divisionCode, principal.division)
    }

    /// The account named by `raw` (an id) if it lies in the principal's scope; 404 otherwise (audited when it exists).
    static func find(_ raw: String?, for principal: Principal, on req: Request) async throws -> User {
        guard let raw, let id = UUID(uuidString: raw), let user = try await User.find(id, on: req.db) else {
            throw Problem.notFound("user")
        }
        guard principal.canSee(divisionCode: user.divisionCode) else {
            throw await req.outOfScope("user", target: "user:\(user.username)")
        }
        return user
    }
}
