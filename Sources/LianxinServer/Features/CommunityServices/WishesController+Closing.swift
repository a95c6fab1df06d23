import Vapor
import Fluent
import Crypto
import LianxinCore

/// Confirming and withdrawing wishes.
extension WishesController {
    func confirm(req: Request) async throws -> WishDTO {
        let principal = try await req.require(.orderCommunityServices)
        let wish = try await CommunityScope.find(Wish.self, req, principal, what: "wish")
        return try WishService.dto(try await WishService.confirm(try wish.requireID(), req), req)
    }

    func withdraw(req: Request) async throws -> WishDTO {
        let principal = try await req.require(.orderCommunityServices)
        let wish = try await CommunityScope.find(Wish.self, req, principal, what: "wish")
        return try WishService.dto(try await WishService.transition(try wish.requireID(), .withdraw, req) { _, _ in }, req)
    }
}
