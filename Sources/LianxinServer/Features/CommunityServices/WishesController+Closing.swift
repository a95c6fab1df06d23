import Vapor
import Fluent
import Crypto
import LianxinCore

/// Confirming and withdrawing wishes.
extension WishesController {
    func confirm(req: Request) async throws -> WishDTO {
        let principal = try await req.require(.orderCommunityServices)
        let wish = try await CommunityScope.find(Wish.self, req, principal, what: "wish")
        return try Self.dto(try await Self.confirm(try wish.requireID(), req), req)
    }

    /// Confirms the wish for the resident; a claiming volunteer earns the wish points in the same transaction.
    static func confirm(_ id: UUID, _ req: Request) async throws -> Wish {
        try await transition(id, .confirm, req) { wish, now in
            wish.confirmedAt = now
        } then: { wish, db, now in
            guard let volunteerID = wish.volunteerID else { return }
            try await PointsLedgerStore.earn(
                .wishFulfilled, volunteerID: volunteerID, community: wish.communityCode,
                reference: try wish.requireID(), at: now, on: db)
        }
    }

    func withdraw(req: Request) async throws -> WishDTO {
        let principal = try await req.require(.orderCommunityServices)
        let wish = try await CommunityScope.find(Wish.self, req, principal, what: "wish")
        return try Self.dto(try await Self.transition(try wish.requireID(), .withdraw, req) { _, _ in }, req)
    }
}
