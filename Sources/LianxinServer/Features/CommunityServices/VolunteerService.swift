import Vapor
import Fluent
import LianxinCore

/// Volunteers and teams as the API and the community pages both handle them: registering, teams, rankings, dual check-in.
enum VolunteerService {
    typealias DualCheckInDTO = VolunteersController.DualCheckInDTO
    typealias MissingMember = VolunteersController.MissingMember
    typealias RankedDTO = VolunteersController.RankedDTO
    typealias RulesDTO = VolunteersController.RulesDTO
    typealias TeamInput = VolunteersController.TeamInput
    typealias VolunteerDTO = VolunteersController.VolunteerDTO
    typealias VolunteerInput = VolunteersController.VolunteerInput

    static func ranking(by: String, from: LocalDate, to: LocalDate, principal: Principal, limit: Int, _ req: Request) async throws -> [RankedDTO] {
        let volunteers = try await CommunityScope.limit(Volunteer.query(on: req.db), to: principal).all()
        let byID = Dictionary(uniqueKeysWithValues: volunteers.compactMap { row in row.id.map { ($0, row) } })
        guard !byID.isEmpty else { return [] }
        let ranked: [RankedVolunteer]
        if by == "points" {
            let entries = try await PointsLedgerStore.entries(of: Array(byID.keys), on: req.db)
            ranked = VolunteerRanking.byPoints(entries, in: from...to)
        } else {
            let signups = try await SignUp.query(on: req.db).filter(\.$volunteerID ~~ Array(byID.keys))
                .filter(\.$checkedOutAt != nil).all()
            let sessions = signups.compactMap { row -> ServiceSession? in
                guard let start = row.checkedInAt, let end = row.checkedOutAt else { return nil }
                return try? ServiceSession(volunteerID: row.volunteerID, checkIn: start, checkOut: end)
            }
            ranked = VolunteerRanking.byServiceMinutes(
                ServiceHours.credited(sessions, dailyCapMinutes: ActivityService.dailyCapMinutes), in: from...to)
        }
        return ranked.prefix(limit).compactMap { item in
            byID[item.volunteerID].map {
                RankedDTO(rank: item.rank, volunteerId: item.volunteerID, name: $0.name, communityCode: $0.communityCode, score: item.score)
            }
        }
    }

    /// In-service party members of the division and those without an activity in their residential community
    /// during `quarter`.
    static func dualCheckIn(_ quarter: Quarter, principal: Principal, _ req: Request) async throws -> DualCheckInDTO {
        let members = try await CommunityScope.limit(Volunteer.query(on: req.db), to: principal)
            .filter(\.$partyMember == true).filter(\.$inService == true).sort(\.$name).all()
        let ids = members.compactMap(\.id)
        let signups = ids.isEmpty ? [] : try await SignUp.query(on: req.db).filter(\.$volunteerID ~~ ids).filter(\.$checkedInAt != nil).all()
        let attendances = signups.compactMap { row -> CommunityAttendance? in
            guard let time = row.checkedInAt, let community = DivisionCode(row.communityCode) else { return nil }
            return CommunityAttendance(memberID: row.volunteerID, community: community, time: time)
        }
        let core = members.compactMap { row -> InServicePartyMember? in
            guard let id = row.id, let community = DivisionCode(row.communityCode) else { return nil }
            return InServicePartyMember(id: id, residentialCommunity: community)
        }
        let missing = Set(DualCheckIn.membersMissing(quarter, members: core, attendances: attendances).map(\.id))
        return DualCheckInDTO(
            quarter: quarter.description, members: members.count, reported: members.count - missing.count,
            missing: members.filter { missing.contains($0.id ?? UUID()) }.map {
                MissingMember(volunteerId: $0.id ?? UUID(), name: $0.name, communityCode: $0.communityCode, workplace: $0.workplace)
            })
    }

    static func dtos(_ volunteers: [Volunteer], _ req: Request) async throws -> [VolunteerDTO] {
        let ids = volunteers.compactMap(\.id)
        let entries = ids.isEmpty ? [] : try await PointsEntryRecord.query(on: req.db).filter(\.$volunteerID ~~ ids).all()
        let ledger = PointsLedger(
            entries: entries.compactMap { row in
                try? PointsEntry(
                    id: row.id ?? UUID(), volunteerID: row.volunteerID, amount: row.amount,
                    reason: PointsReason(rawValue: row.reason) ?? .adjustment, referenceID: row.referenceID, time: row.at)
            })
        let cipher = req.lianxin.cipher
        return try volunteers.map { row in
            let id = try row.requireID()
            return VolunteerDTO(
                id: id, communityCode: row.communityCode, name: row.name,
                phone: PersonalDataMask.phone((try? cipher.open(row.phoneCipher, for: .volunteerPhone, row: try row.requireID())) ?? ""),
                teamId: row.teamID,
                partyMember: row.partyMember, inService: row.inService, workplace: row.workplace,
                registeredAt: row.registeredAt, balance: ledger.balance(of: id))
        }
    }

    /// Registers a volunteer once per phone number; an in-service party member must be a party member.
    static func register(_ input: VolunteerInput, principal: Principal, _ req: Request) async throws -> Volunteer {
        let community = try await CommunityScope.community(input.communityCode, for: principal, on: req.db)
        var checks = InputValidator(req)
        let name = checks.text(input.name, "/name", 1...50)
        let phone = checks.phone(input.phone, "/phone")
        let workplace = checks.text(input.workplace, "/workplace", 0...100)
        let partyMember = input.partyMember ?? false, inService = input.inService ?? false
        if inService && !partyMember { checks.fail("/inService", "only party members report to their residential community / 在职党员须为党员") }
        if let teamID = input.teamId {
            let team = try await VolunteerTeam.find(teamID, on: req.db)
            if team.map({ principal.canSee(divisionCode: $0.communityCode) }) != true { checks.fail("/teamId", "a team in your division / 队伍不存在") }
        }
        try checks.finish()
        let cipher = req.lianxin.cipher
        let volunteer = Volunteer()
        let volunteerID = UUID()
        volunteer.id = volunteerID
        volunteer.communityCode = community.id ?? ""
        volunteer.name = name
        volunteer.phoneCipher = try cipher.seal(phone, for: .volunteerPhone, row: volunteerID)
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

    static func dto(_ rules: EarnRules, community: String) -> RulesDTO {
        RulesDTO(
            communityCode: community, pointsPerServiceHour: rules.pointsPerServiceHour, serviceRounding: rules.serviceRounding.rawValue,
            pointsPerWish: rules.pointsPerWish, pointsPerEvent: rules.pointsPerEvent)
    }

    static func addTeam(_ input: TeamInput, principal: Principal, _ req: Request) async throws -> VolunteerTeam {
        let community = try await CommunityScope.community(input.communityCode, for: principal, on: req.db)
        var checks = InputValidator(req)
        let name = checks.text(input.name, "/name", 1...50)
        try checks.finish()
        let team = VolunteerTeam()
        team.communityCode = community.id ?? ""
        team.name = name
        team.createdAt = req.lianxin.now()
        do {
            try await req.lianxin.writes.run { try await team.create(on: req.db) }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Problem.conflict("the community already has a team of this name / 队伍名称已存在", field: "/name")
        }
        return team
    }
}
