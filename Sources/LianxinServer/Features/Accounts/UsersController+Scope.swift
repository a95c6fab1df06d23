import Vapor
import Fluent
import LianxinCore

/// Accounts the principal may see.
extension UsersController {
    static func scoped(_ principal: Principal, on db: any Database) -> QueryBuilder<User> {
        User.query(on: db).within(\.$divisionCode, principal.division)
    }

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
