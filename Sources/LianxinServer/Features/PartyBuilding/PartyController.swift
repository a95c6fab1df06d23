import Vapor
import Fluent
import LianxinCore

/// `/api/v1/party/…`: the party-member points system (党员积分制): branches and members, posts and claims, rules
/// and the scheme, entries with evidence and the branch secretary's decisions, a member's ledger, a branch's
/// ranking and the overview.
struct PartyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "party")
        api.get("overview", use: overview)
        api.post("branches", use: createBranch)
        api.get("branches", ":id", "ranking", use: ranking)
        api.post("members", use: createMember)
        api.get("members", ":id", "ledger", use: ledger)
        api.post("members", ":id", "claims", use: claim)
        api.post("posts", use: createPost)
        api.get("posts", use: posts)
        api.post("rules", use: createRule)
        api.get("rules", use: rules)
        api.put("scheme", use: setScheme)
        api.post("entries", use: record)
        api.get("entries", use: entries)
        api.post("entries", ":id", "decision", use: decide)
    }

    func overview(req: Request) async throws -> PartyOverview {
        let principal = try await req.require(.viewPartyBuilding)
        return try await PartyOverview.load(req, principal: principal, year: try PartyLookup.requestedYear(req))
    }

    func createBranch(req: Request) async throws -> Response {
        let principal = try await req.require(.recordPartyPoints)
        let row = try await PartyService(req: req, principal: principal).createBranch(try req.content.decode(PartyBranchInput.self))
        return try await PartyCreated(id: try row.requireID().uuidString).encodeResponse(status: .created, for: req)
    }

    func ranking(req: Request) async throws -> PartyRankingDTO {
        let principal = try await req.require(.viewPartyBuilding)
        let branch = try await PartyLookup.branch(req.parameters.get("id"), principal, req)
        return try await PartyFigures(req: req, principal: principal).ranking(branch, year: try PartyLookup.requestedYear(req))
    }

    func createMember(req: Request) async throws -> Response {
        let principal = try await req.require(.recordPartyPoints)
        let row = try await PartyService(req: req, principal: principal).createMember(try req.content.decode(PartyMemberInput.self))
        return try await PartyCreated(id: try row.requireID().uuidString).encodeResponse(status: .created, for: req)
    }

    func ledger(req: Request) async throws -> PartyLedgerDTO {
        let principal = try await req.require(.viewPartyBuilding)
        let member = try await PartyLookup.member(req.parameters.get("id"), principal, req)
        return try await PartyFigures(req: req, principal: principal).ledger(member, year: try PartyLookup.requestedYear(req))
    }

    func claim(req: Request) async throws -> Response {
        let principal = try await req.require(.recordPartyPoints)
        let member = try await PartyLookup.member(req.parameters.get("id"), principal, req)
        let row = try await PartyService(req: req, principal: principal).claim(member, try req.content.decode(PartyClaimInput.self))
        return try await PartyCreated(id: try row.requireID().uuidString).encodeResponse(status: .created, for: req)
    }

    struct PostDTO: Content {
        var id: String
        var name: String
        var duty: String
        var divisionCode: String
    }

    func createPost(req: Request) async throws -> Response {
        let principal = try await req.require(.recordPartyPoints)
        let row = try await PartyService(req: req, principal: principal).createPost(try req.content.decode(PartyPostInput.self))
        return try await PartyCreated(id: try row.requireID().uuidString).encodeResponse(status: .created, for: req)
    }

    /// The posts that apply in the caller's division: its own, those above it and those below it.
    func posts(req: Request) async throws -> [PostDTO] {
        let principal = try await req.require(.viewPartyBuilding)
        let above = PartyLookup.lineage(principal.division.value)
        let rows = try await PartyPost.query(on: req.db).group(.or) { $0.filter(\.$divisionCode ~~ above).inScope(\.$divisionCode, principal) }
            .sort(\.$name).all()
        return rows.map { PostDTO(id: $0.id?.uuidString ?? "", name: $0.name, duty: $0.duty, divisionCode: $0.divisionCode) }
    }

    struct RuleDTO: Content {
        var id: String
        var dimension: String
        var label: String
        var points: Int
        var yearlyCap: Int
        var divisionCode: String
    }

    func createRule(req: Request) async throws -> Response {
        let principal = try await req.require(.approvePartyPoints)
        let row = try await PartyRules(req: req, principal: principal).createRule(try req.content.decode(PartyRuleInput.self))
        return try await PartyCreated(id: try row.requireID().uuidString).encodeResponse(status: .created, for: req)
    }

    func rules(req: Request) async throws -> [RuleDTO] {
        let principal = try await req.require(.viewPartyBuilding)
        let above = PartyLookup.lineage(principal.division.value)
        let rows = try await PartyPointsRuleRecord.query(on: req.db)
            .group(.or) { $0.filter(\.$divisionCode ~~ above).inScope(\.$divisionCode, principal) }.sort(\.$dimension).sort(\.$label).all()
        return rows.map {
            RuleDTO(
                id: $0.id?.uuidString ?? "", dimension: $0.dimension, label: $0.label, points: $0.points, yearlyCap: $0.yearlyCap,
                divisionCode: $0.divisionCode)
        }
    }

    struct SchemeDTO: Content {
        var basePoints: Int
        var dimensionCap: Int
        var starThresholds: [Int]
    }

    func setScheme(req: Request) async throws -> SchemeDTO {
        let principal = try await req.require(.approvePartyPoints)
        let scheme = try await PartyRules(req: req, principal: principal).setScheme(try req.content.decode(PartySchemeInput.self))
        return SchemeDTO(basePoints: scheme.basePoints, dimensionCap: scheme.dimensionCap, starThresholds: scheme.starThresholds)
    }

    func record(req: Request) async throws -> Response {
        let principal = try await req.require(.recordPartyPoints)
        let row = try await PartyService(req: req, principal: principal).record(try req.content.decode(PartyEntryInput.self))
        return try await PartyCreated(id: try row.requireID().uuidString, status: row.status).encodeResponse(status: .created, for: req)
    }

    /// Entries in scope, pending first (the secretary's queue), newest first; `status` narrows them.
    func entries(req: Request) async throws -> [PartyEntryDTO] {
        let principal = try await req.require(.viewPartyBuilding)
        let query = PartyPointsEntry.query(on: req.db).inScope(\.$divisionCode, principal)
        if let text = req.query[String.self, at: "status"] {
            guard let status = PartyPointsEntryStatus(rawValue: text) else {
                throw Problem.invalid(field: "/status", InputValidator(req).message("validation_choice"))
            }
            query.filter(\.$status == status.rawValue)
        }
        let rows = try await query.sort(\.$submittedAt, .descending).limit(500).all()
        return try await PartyFigures(req: req, principal: principal).entryDTOs(rows)
    }

    func decide(req: Request) async throws -> PartyCreated {
        let principal = try await req.require(.approvePartyPoints)
        let entry = try await PartyLookup.entry(req.parameters.get("id"), principal, req)
        try await PartyService(req: req, principal: principal).decide(entry, try req.content.decode(PartyDecisionInput.self))
        return PartyCreated(id: try entry.requireID().uuidString, status: entry.status)
    }
}
