import Vapor
import Fluent
import Crypto
import LianxinCore

/// Listing, reading and posting wishes.
extension WishesController {
    func list(req: Request) async throws -> [WishDTO] {
        let principal = try await req.require(.viewCommunityServices)
        var query = try CommunityScope.limit(Wish.query(on: req.db), to: principal, community: try? req.query.get(String.self, at: "community"))
        if let status = try? req.query.get(String.self, at: "status") {
            guard WishStatus(rawValue: status) != nil else {
                throw Problem.invalid(field: "status", "choose one of the options offered / 请从给出的选项中选择")
            }
            query = query.filter(\.$status == status)
        }
        return try await query.sort(\.$createdAt, .descending).limit(500).all().map { try WishService.dto($0, req) }
    }

    func show(req: Request) async throws -> WishDTO {
        let principal = try await req.require(.viewCommunityServices)
        return try WishService.dto(try await CommunityScope.find(Wish.self, req, principal, what: "wish"), req)
    }

    func post(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        let wish = try await WishService.post(try req.content.decode(WishInput.self), principal: principal, req)
        return try await WishService.dto(wish, req).encodeResponse(status: .created, for: req)
    }

}
