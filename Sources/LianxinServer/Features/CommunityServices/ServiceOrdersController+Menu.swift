import Vapor
import Fluent
import LianxinCore

/// A community's service menu.
extension ServiceOrdersController {
    func menu(req: Request) async throws -> [ItemDTO] {
        let principal = try await req.require(.viewCommunityServices)
        let community = try? req.query.get(String.self, at: "community")
        return try await CommunityScope.limit(ServiceMenuItem.query(on: req.db), to: principal, community: community)
            .sort(\.$communityCode).sort(\.$name).limit(1000).all().map(Self.dto)
    }

    func addItem(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let item = try await Self.addItem(try req.content.decode(ItemInput.self), principal: principal, req)
        return try await Self.dto(item).encodeResponse(status: .created, for: req)
    }

    static func addItem(_ input: ItemInput, principal: Principal, _ req: Request) async throws -> ServiceMenuItem {
        let community = try await CommunityScope.community(input.communityCode, for: principal, on: req.db)
        var checks = InputValidator(req)
        let name = checks.text(input.name, "/name", 1...50)
        let details = checks.text(input.description, "/description", 0...500)
        try checks.finish()
        let item = ServiceMenuItem()
        item.communityCode = community.id ?? ""
        item.name = name
        item.details = details
        item.active = true
        item.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await item.create(on: req.db) }
        return item
    }

    func publicMenu(req: Request) async throws -> [ItemDTO] {
        let community = try await Self.publicCommunity(req.parameters.get("community"), req)
        return try await ServiceMenuItem.query(on: req.db).filter(\.$communityCode == community.id ?? "").filter(\.$active == true)
            .sort(\.$name).all().map(Self.dto)
    }
}
