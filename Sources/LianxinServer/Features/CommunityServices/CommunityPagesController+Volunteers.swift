import Vapor
import Fluent
import LianxinCore

/// The volunteer page: registering volunteers and teams and setting the points rules.
extension CommunityPagesController {
    struct VolunteersModel: Encodable, Sendable {
        var flash: Flash
        var volunteers: [VolunteersController.VolunteerDTO]
        var teams: [VolunteersController.TeamDTO]
        var rules: VolunteersController.RulesDTO?
        var rankingPoints: [VolunteersController.RankedDTO]
        var rankingHours: [VolunteersController.RankedDTO]
        var dual: VolunteersController.DualCheckInDTO
        var roundings: [SelectOption]
        var canManage: Bool
        var communityChoice: Bool
    }

    func volunteers(req: Request) async throws -> Response {
        let principal = try await req.require(.viewCommunityServices)
        let volunteers = try await VolunteerService.dtos(
            try await CommunityScope.limit(Volunteer.query(on: req.db), to: principal).sort(\.$name).limit(1000).all(), req)
        let teams = try await CommunityScope.limit(VolunteerTeam.query(on: req.db), to: principal).sort(\.$name).all()
        let today = LocalDate(req.lianxin.now(), in: WorkCalendar.shanghai)
        let first = LocalDate(year: today.components.year, month: 1, day: 1) ?? today
        let rules =
            principal.division.level == .community
            ? VolunteerService.dto(
                try await PointsLedgerStore.rules(for: principal.division.value, on: req.db), community: principal.division.value) : nil
        return try await req.page(
            "community/volunteers", title: "cs_volunteers_title",
            model: VolunteersModel(
                flash: Flash(req), volunteers: volunteers,
                teams: try teams.map { team in
                    VolunteersController.TeamDTO(
                        id: try team.requireID(), communityCode: team.communityCode, name: team.name,
                        members: volunteers.filter { $0.teamId == team.id }.count)
                },
                rules: rules,
                rankingPoints: try await VolunteerService.ranking(by: "points", from: first, to: today, principal: principal, limit: 10, req),
                rankingHours: try await VolunteerService.ranking(by: "hours", from: first, to: today, principal: principal, limit: 10, req),
                dual: try await VolunteerService.dualCheckIn(Quarter(containing: today), principal: principal, req),
                roundings: PointsRounding.allCases.map { SelectOption(value: $0.rawValue, label: req.t("cs_rounding_\($0.rawValue)")) },
                canManage: principal.role.can(.manageCommunityServices),
                communityChoice: principal.division.level != .community))
    }

    func register(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        struct Form: Content {
            var communityCode: String?; var name: String?; var phone: String?; var teamId: String?
            var partyMember: String?; var inService: String?; var workplace: String?
        }
        return try await req.communityForm(back: "/community/volunteers") {
            let form = try req.content.decode(Form.self)
            let volunteer = try await VolunteerService.register(
                VolunteersController.VolunteerInput(
                    communityCode: form.communityCode, name: form.name, phone: form.phone, teamId: form.teamId.flatMap(UUID.init(uuidString:)),
                    partyMember: form.partyMember == "true", inService: form.inService == "true", workplace: form.workplace), principal: principal,
                req)
            return req.t("cs_saved") + " " + volunteer.name
        }
    }

    func addTeam(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        return try await req.communityForm(back: "/community/volunteers") {
            let team = try await VolunteerService.addTeam(try req.content.decode(VolunteersController.TeamInput.self), principal: principal, req)
            return req.t("cs_saved") + " " + team.name
        }
    }

    /// The staff member's own community's earn rules, through the API handler (same checks, same audit).
    func setRules(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        return try await req.communityForm(back: "/community/volunteers") {
            guard principal.division.level == .community else { throw Problem.invalid(field: "/communityCode", "community staff only / 仅限社区") }
            req.parameters.set("community", to: principal.division.value)
            _ = try await VolunteersController().setRules(req: req)
            return req.t("cs_saved")
        }
    }
}
