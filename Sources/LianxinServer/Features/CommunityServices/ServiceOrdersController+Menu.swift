import Vapor
import Fluent
import LianxinCore

/// A community's service menu.
extension ServiceOrdersController {
    func menu(req: Request) async throws -> [ItemDTO] {
        let principal = try await req.require(.viewCommunityServices)
        let community = try? req.query.get(String.self, at: "community")
        return try await CommunityScope.limit(ServiceMenuItem.query(on: req.db), to: principal, community: community)
            .sort(\.$communityCode).sort(\.$name).limit(1000).all().map(ServiceOrderLookup.dto)
    }

    func addItem(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let item = try await ServiceOrderLookup.addItem(try req.content.decode(ItemInput.self), principal: principal, req)
        return try await ServiceOrderLookup.dto(item).encodeResponse(status: .created, for: req)
    }

    func publicMenu(req: Request) async throws -> [ItemDTO] {
        let community = try await ServiceOrderLookup.publicCommunity(req.parameters.get("community"), req)
        return try await ServiceMenuItem.query(on: req.db).filter(\.$communityCode == community.id ?? "").filter(\.$active == true)
            .sort(\.$name).all().map(ServiceOrderLookup.dto)
    }
}
