import Vapor
import Fluent
import Crypto
import LianxinCore

/// Every wish step through `WishMachine`, one writer at a time per wish, and the DTO.
extension WishesController {
    /// Applies `step` to the wish `id` under a row lock: the status is read again inside the transaction, so two
    /// simultaneous steps cannot both pass; a refused step is a 409 naming the status.
    static func transition(
        _ id: UUID, _ step: WishMachine.Step, _ req: Request, change: @escaping @Sendable (Wish, Date) -> Void,
        then: (@Sendable (Wish, any Database, Date) async throws -> Void)? = nil
    ) async throws -> Wish {
        try await req.lianxin.writes.run { try await transitionUnserialized(id, step, req, change: change, then: then) }
    }

    static func transitionUnserialized(
        _ id: UUID, _ step: WishMachine.Step, _ req: Request,
        change: @escaping @Sendable (Wish, Date) -> Void,
        then: (@Sendable (Wish, any Database, Date) async throws -> Void)? = nil
    ) async throws -> Wish {
        let now = req.lianxin.now()
        return try await req.db.transaction { db in
            try await CommunityServicesQueries.lock(Wish.schema, id: id, on: db)
            guard let wish = try await Wish.find(id, on: db), let status = WishStatus(rawValue: wish.status) else {
                throw Problem.notFound("wish")
            }
            do {
                wish.status = try WishMachine.apply(step, to: status).rawValue
            } catch let error as WishMachine.Refusal {
                throw Problem.conflict(error.description, field: "/status")
            }
            change(wish, now)
            try await wish.update(on: db)
            try await then?(wish, db, now)
            return wish
        }
    }

    static func dto(_ wish: Wish, _ req: Request) throws -> WishDTO {
        let id = try wish.requireID()
        return WishDTO(
            id: id, communityCode: wish.communityCode, residentName: wish.residentName,
            phone: try wish.phoneCipher.map { PersonalDataMask.phone(try req.lianxin.cipher.open($0)) },
            title: wish.title, details: wish.details, status: wish.status,
            statusTitle: (WishStatus(rawValue: wish.status) ?? .posted).title(req.displayLanguage),
            claimantKind: wish.claimantKind, claimantName: wish.claimantName, volunteerId: wish.volunteerID, claimedAt: wish.claimedAt,
            fulfilmentNote: wish.fulfilmentNote, photoUrl: wish.photoKey == nil ? nil : "/api/v1/wishes/\(id)/photo",
            fulfilledAt: wish.fulfilledAt, confirmedAt: wish.confirmedAt, createdAt: wish.createdAt)
    }
}
