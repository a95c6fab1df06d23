import Vapor
import Fluent
import Crypto
import LianxinCore

/// Claiming a wish and fulfilling it with a photo.
extension WishesController {
    func claim(req: Request) async throws -> WishDTO {
        let principal = try await req.require(.orderCommunityServices)
        let wish = try await CommunityScope.find(Wish.self, req, principal, what: "wish")
        let updated = try await WishService.claim(try wish.requireID(), try req.content.decode(ClaimInput.self), principal: principal, req)
        return try WishService.dto(updated, req)
    }

    /// The photo (raw image body or multipart `file`) and an optional `note` query or form field.
    func fulfil(req: Request) async throws -> WishDTO {
        let principal = try await req.require(.orderCommunityServices)
        let wish = try await CommunityScope.find(Wish.self, req, principal, what: "wish")
        return try WishService.dto(try await WishService.fulfil(wish, req), req)
    }

    final class Box: @unchecked Sendable { var wish: Wish? }

    func photo(req: Request) async throws -> Response {
        let principal = try await req.require(.viewCommunityServices)
        let wish = try await CommunityScope.find(Wish.self, req, principal, what: "wish")
        guard let key = wish.photoKey, let data = try await req.lianxin.files.get(key, on: req.db) else { throw Problem.notFound("photo") }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: wish.photoType ?? "application/octet-stream")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=86400")
        return response
    }
}
