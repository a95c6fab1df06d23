import Vapor
import Fluent
import LianxinCore

/// `/api/v1/party/conduct-items` and `/api/v1/party/households/{id}/…`: household points (以评弘德) — conduct items as
/// data, a household credited with its evidence, and its points ledger (spent at the merchants through
/// `/api/v1/points-exchanges` with `householdId`).
struct HouseholdConductController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "party")
        api.get("conduct-items", use: items)
        api.post("conduct-items", use: createItem)
        api.get("households", ":id", "points", use: points)
        api.post("households", ":id", "conduct", use: award)
    }

    struct ItemDTO: Content {
        var id: String
        var label: String
        var points: Int
        var divisionCode: String
    }

    func items(req: Request) async throws -> [ItemDTO] {
        let principal = try await req.require(.viewPartyBuilding)
        let above = PartyLookup.lineage(principal.division.value)
        return try await ConductItem.query(on: req.db).group(.or) { $0.filter(\.$divisionCode ~~ above).inScope(\.$divisionCode, principal) }
            .sort(\.$label).all().map { ItemDTO(id: $0.id?.uuidString ?? "", label: $0.label, points: $0.points, divisionCode: $0.divisionCode) }
    }

    func createItem(req: Request) async throws -> Response {
        let principal = try await req.require(.recordPartyPoints)
        let row = try await HouseholdConduct(req: req, principal: principal).createItem(try req.content.decode(HouseholdConduct.ItemInput.self))
        return try await PartyCreated(id: try row.requireID().uuidString).encodeResponse(status: .created, for: req)
    }

    func points(req: Request) async throws -> HouseholdConduct.Ledger {
        let principal = try await req.require(.viewResidents)
        let household = try await HouseholdConduct.household(req.parameters.get("id"), principal, req)
        return try await HouseholdConduct(req: req, principal: principal).ledger(household)
    }

    func award(req: Request) async throws -> Response {
        let principal = try await req.require(.recordPartyPoints)
        let household = try await HouseholdConduct.household(req.parameters.get("id"), principal, req)
        let ledger = try await HouseholdConduct(req: req, principal: principal).award(
            household, try req.content.decode(HouseholdConduct.AwardInput.self))
        return try await ledger.encodeResponse(status: .created, for: req)
    }
}
