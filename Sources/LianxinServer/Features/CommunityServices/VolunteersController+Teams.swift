import Vapor
import Fluent
import LianxinCore

/// Volunteer teams.
extension VolunteersController {
    func teams(req: Request) async throws -> [TeamDTO] {
        let principal = try await req.require(.viewCommunityServices)
        let teams = try await CommunityScope.limit(VolunteerTeam.query(on: req.db), to: principal).sort(\.$name).all()
        let ids = teams.compactMap(\.id)
        let members = ids.isEmpty ? [] : try await Volunteer.query(on: req.db).filter(\.$teamID ~~ ids).all(\.$teamID)
        return try teams.map { team in
            TeamDTO(id: try team.requireID(), communityCode: team.communityCode, name: team.name, members: members.filter { $0 == team.id }.count)
        }
    }

    func addTeam(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let team = try await VolunteerService.addTeam(try req.content.decode(TeamInput.self), principal: principal, req)
        return try await TeamDTO(id: try team.requireID(), communityCode: team.communityCode, name: team.name, members: 0)
            .encodeResponse(status: .created, for: req)
    }

}
