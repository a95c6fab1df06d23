import Vapor
import Fluent
import LianxinCore

/// Listing, registering and reading volunteers.
extension VolunteersController {
    func list(req: Request) async throws -> [VolunteerDTO] {
        let principal = try await req.require(.viewCommunityServices)
        var query = try CommunityScope.limit(Volunteer.query(on: req.db), to: principal, community: try? req.query.get(String.self, at: "community"))
        if let team = try? req.query.get(UUID.self, at: "team") { query = query.filter(\.$teamID == team) }
        return try await Self.dtos(try await query.sort(\.$name).limit(1000).all(), req)
    }

    func register(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let volunteer = try await Self.register(try req.content.decode(VolunteerInput.self), principal: principal, req)
        return try await Self.dtos([volunteer], req)[0].encodeResponse(status: .created, for: req)
    }

    /// Registers a volunteer once per phone number; an in-service party member must be a party member.
    static func register(_ input: VolunteerInput, principal: Principal, _ req: Request) async throws -> Volunteer {
        let community = try await CommunityScope.community(input.communityCode, for: principal, on: req.db)
        var checks = InputValidator(req)
        let name = checks.text(input.name, "/name", 1...50)
        let phone = checks.phone(input.phone, "/phone")
        let workplace = checks.text(input.workplace, "/workplace", 0...100)
        let partyMember = input.partyMember ?? false, inService = input.inService ?? false
        if inService && !partyMember { checks.fail("/inService", "only party members report to their community (双报到) / 在职党员须为党员") }
        if let teamID = input.teamId {
            let team = try await VolunteerTeam.find(teamID, on: req.db)
            if team.map({ principal.canSee(divisionCode: $0.communityCode) }) != true { checks.fail("/teamId", "a team in your division / 队伍不存在") }
        }
        try checks.finish()
        let cipher = req.lianxin.cipher
        let volunteer = Volunteer()
        volunteer.communityCode = community.id ?? ""
        volunteer.name = name
        volunteer.phoneCipher = try cipher.seal(phone)
        volunteer.phoneIndex = cipher.blindIndex(phone)
        volunteer.teamID = input.teamId
        volunteer.partyMember = partyMember
        volunteer.inService = inService
        volunteer.workplace = workplace.isEmpty ? nil : workplace
        volunteer.registeredAt = req.lianxin.now()
        do {
            try await req.lianxin.writes.run { try await volunteer.create(on: req.db) }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Problem.conflict("a volunteer with this phone number is already registered / 该手机号已登记为志愿者", field: "/phone")
        }
        return volunteer
    }

    func show(req: Request) async throws -> VolunteerDetail {
        let principal = try await req.require(.viewCommunityServices)
        let volunteer = try await CommunityScope.find(Volunteer.self, req, principal, what: "volunteer")
        let id = try volunteer.requireID()
        let entries = try await PointsEntryRecord.query(on: req.db).filter(\.$volunteerID == id).sort(\.$at).all()
        let minutes = try await SignUp.query(on: req.db).filter(\.$volunteerID == id).all(\.$minutes).compactMap { $0 }.reduce(0, +)
        return VolunteerDetail(
            volunteer: try await Self.dtos([volunteer], req)[0], serviceMinutes: minutes,
            entries: entries.map { EntryDTO(amount: $0.amount, reason: $0.reason, referenceId: $0.referenceID, at: $0.at) })
    }
}
