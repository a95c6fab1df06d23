import Foundation
import Fluent
import Vapor
import LianxinCore

/// `/api/v1/talent/…`: organisations, profiles (masked contact data until an agreement is agreed; every
/// look recorded for the person), demands and their review, ranked matches with reasons, agreements
/// and their lifecycle, and the talent map.
struct TalentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "talent")
        api.post("organisations", use: createOrganisation)
        api.post("organisations", ":id", "members", use: addMember)
        api.post("profiles", use: createProfile)
        api.get("profiles", ":id", use: profile)
        api.get("profiles", ":id", "views", use: views)
        api.post("demands", use: createDemand)
        api.post("demands", ":id", "review", use: review)
        api.get("demands", ":id", "matches", use: matches)
        api.post("supplies", use: createSupply)
        api.get("supplies", use: supplies)
        api.post("agreements", use: propose)
        api.get("agreements", ":id", use: agreement)
        api.post("agreements", ":id", "actions", use: act)
        api.get("map", use: map)
    }

    struct Created: Content {
        var id: UUID
        var status: String?
        /// The secret of the person's own page (`/p/talent/me?token=`), shown once.
        var ownToken: String?
    }

    func createOrganisation(req: Request) async throws -> Response {
        let viewer = try await TalentViewer.load(req)
        let row = try await TalentService(req: req, viewer: viewer).createOrganisation(try req.content.decode(TalentOrganisationInput.self))
        return try await Created(id: try row.requireID()).encodeResponse(status: .created, for: req)
    }

    func addMember(req: Request) async throws -> HTTPStatus {
        let viewer = try await TalentViewer.load(req)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let org = try await TalentOrganisation.query(on: req.db).filter(\.$id == id).inScope(\.$divisionCode, viewer.principal).first()
        else { throw Problem.notFound("organisation") }
        try await TalentService(req: req, viewer: viewer).addMember(org, username: try req.content.decode(TalentMemberInput.self).username)
        return .noContent
    }

    func createProfile(req: Request) async throws -> Response {
        let viewer = try await TalentViewer.load(req)
        guard viewer.isCentre || viewer.orgID != nil else { throw Problem.forbidden }
        let (row, token) = try await TalentService(req: req, viewer: viewer).createProfile(try req.content.decode(TalentProfileInput.self))
        return try await Created(id: try row.requireID(), ownToken: token).encodeResponse(status: .created, for: req)
    }

    func profile(req: Request) async throws -> TalentProfileDTO {
        let viewer = try await TalentViewer.load(req)
        let row = try await viewer.profile(req.parameters.get("id"), on: req.db)
        return try await TalentProfileDTO.load(row, viewer: viewer, req)
    }

    struct ViewDTO: Content {
        var viewer: String
        var organisation: String
        var at: String
    }

    func views(req: Request) async throws -> [ViewDTO] {
        let viewer = try await TalentViewer.load(req)
        guard viewer.isCentre else { throw Problem.forbidden }
        let row = try await viewer.profile(req.parameters.get("id"), on: req.db)
        return try await TalentProfileView.query(on: req.db).filter(\.$profileID == row.requireID()).sort(\.$viewedAt, .descending).all()
            .map {
                ViewDTO(
                    viewer: $0.viewer, organisation: $0.viewerOrg.isEmpty ? req.t("talent_centre_name") : $0.viewerOrg,
                    at: WorkbenchLookup.beijing($0.viewedAt))
            }
    }

    func createDemand(req: Request) async throws -> Response {
        let viewer = try await TalentViewer.load(req)
        guard viewer.isCentre || viewer.orgID != nil else { throw Problem.forbidden }
        let row = try await TalentService(req: req, viewer: viewer).createDemand(try req.content.decode(TalentDemandInput.self))
        return try await Created(id: try row.requireID(), status: row.status).encodeResponse(status: .created, for: req)
    }

    func review(req: Request) async throws -> Created {
        let viewer = try await TalentViewer.load(req)
        let demand = try await viewer.demand(req.parameters.get("id"), on: req.db)
        let input = try req.content.decode(TalentReviewInput.self)
        try await TalentService(req: req, viewer: viewer).reviewDemand(demand, decision: input.decision, note: input.note)
        return Created(id: try demand.requireID(), status: demand.status)
    }

    func matches(req: Request) async throws -> TalentMatchesDTO {
        let viewer = try await TalentViewer.load(req)
        guard viewer.isCentre else { throw Problem.forbidden }
        let demand = try await viewer.demand(req.parameters.get("id"), on: req.db)
        let limit = min(max(req.query[Int.self, at: "limit"] ?? 10, 1), 50)
        let (ranking, profiles) = try await TalentService(req: req, viewer: viewer).matches(demand, limit: limit)
        return TalentMatchesDTO(ranking, profiles: profiles, req)
    }

    func createSupply(req: Request) async throws -> Response {
        let viewer = try await TalentViewer.load(req)
        let row = try await TalentSupplies(req: req, viewer: viewer).create(try req.content.decode(TalentSupplyInput.self))
        return try await Created(id: try row.requireID()).encodeResponse(status: .created, for: req)
    }

    func supplies(req: Request) async throws -> [TalentSupplies.DTO] {
        try await TalentSupplies(req: req, viewer: try await TalentViewer.load(req)).list()
    }

    func propose(req: Request) async throws -> Response {
        let viewer = try await TalentViewer.load(req)
        let row = try await TalentAgreements(req: req, viewer: viewer).propose(try req.content.decode(TalentAgreementInput.self))
        return try await TalentAgreementDTO(row).encodeResponse(status: .created, for: req)
    }

    func agreement(req: Request) async throws -> TalentAgreementDTO {
        let viewer = try await TalentViewer.load(req)
        return TalentAgreementDTO(try await viewer.agreement(req.parameters.get("id"), on: req.db))
    }

    func act(req: Request) async throws -> TalentAgreementDTO {
        let viewer = try await TalentViewer.load(req)
        let row = try await viewer.agreement(req.parameters.get("id"), on: req.db)
        try await TalentAgreements(req: req, viewer: viewer).act(row, try req.content.decode(TalentActionInput.self))
        return TalentAgreementDTO(row)
    }

    func map(req: Request) async throws -> TalentMapFigures {
        let viewer = try await TalentViewer.load(req)
        return try await TalentMapFigures.load(req, viewer: viewer, from: req.query[String.self, at: "from"], to: req.query[String.self, at: "to"])
    }
}
