import Vapor
import Fluent
import LianxinCore

/// Listing, registering and reading volunteers.
extension VolunteersController {
    func list(req: Request) async throws -> [VolunteerDTO] {
        let principal = try await req.require(.viewCommunityServices)
        var query = try CommunityScope.limit(Volunteer.query(on: req.db), to: principal, community: try? req.query.get(String.self, at: "community"))
        if let team = try? req.query.get(UUID.self, at: "team") { query = query.filter(\.$teamID == team) }
        return try await VolunteerService.dtos(try await query.sort(\.$name).limit(1000).all(), req)
    }

    func register(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let volunteer = try await VolunteerService.register(try req.content.decode(VolunteerInput.self), principal: principal, req)
        return try await VolunteerService.dtos([volunteer], req)[0].encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> VolunteerDetail {
        let principal = try await req.require(.viewCommunityServices)
        let volunteer = try await CommunityScope.find(Volunteer.self, req, principal, what: "volunteer")
        let id = try volunteer.requireID()
        let entries = try await PointsEntryRecord.query(on: req.db).filter(\.$volunteerID == id).sort(\.$at).all()
        let minutes = try await SignUp.query(on: req.db).filter(\.$volunteerID == id).all(\.$minutes).compactMap { $0 }.reduce(0, +)
        return VolunteerDetail(
            volunteer: try await VolunteerService.dtos([volunteer], req)[0], serviceMinutes: minutes,
            entries: entries.map { EntryDTO(amount: $0.amount, reason: $0.reason, referenceId: $0.referenceID, at: $0.at) })
    }
}
