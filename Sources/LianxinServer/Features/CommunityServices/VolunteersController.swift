import Vapor
import Fluent
import LianxinCore

/// Volunteers (registration, teams), their earn rules, balances and ledgers, rankings (最美志愿者) and the 双报到
/// report of in-service party members.
struct VolunteersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("volunteers", use: list)
        api.post("volunteers", use: register)
        api.get("volunteers", ":id", use: show)
        api.get("volunteer-teams", use: teams)
        api.post("volunteer-teams", use: addTeam)
        api.get("earn-rules", ":community", use: rules)
        api.put("earn-rules", ":community", use: setRules)
        api.get("volunteer-rankings", use: ranking)
        api.get("dual-check-in", use: dualCheckIn)
    }

    struct VolunteerInput: Content {
        var communityCode: String?
        var name: String?
        var phone: String?
        var teamId: UUID?
        var partyMember: Bool?
        /// An in-service party member (在职党员), who reports to `communityCode`, where they live.
        var inService: Bool?
        var workplace: String?
    }

    struct VolunteerDTO: Content {
        var id: UUID
        var communityCode: String
        var name: String
        var phone: String
        var teamId: UUID?
        var partyMember: Bool
        var inService: Bool
        var workplace: String?
        var registeredAt: Date
        var balance: Int
    }

    struct EntryDTO: Content { var amount: Int; var reason: String; var referenceId: UUID?; var at: Date }

    struct VolunteerDetail: Content {
        var volunteer: VolunteerDTO
        var serviceMinutes: Int
        var entries: [EntryDTO]
    }

    struct TeamInput: Content { var communityCode: String?; var name: String? }
    struct TeamDTO: Content { var id: UUID; var communityCode: String; var name: String; var members: Int }

    struct RulesDTO: Content {
        var communityCode: String
        var pointsPerServiceHour: Int
        var serviceRounding: String
        var pointsPerWish: Int
        var pointsPerEvent: Int
    }

    struct RankedDTO: Content { var rank: Int; var volunteerId: UUID; var name: String; var communityCode: String; var score: Int }
    struct RankingDTO: Content { var by: String; var from: String; var to: String; var items: [RankedDTO] }

    struct MissingMember: Content { var volunteerId: UUID; var name: String; var communityCode: String; var workplace: String? }
    struct DualCheckInDTO: Content { var quarter: String; var members: Int; var reported: Int; var missing: [MissingMember] }

    // MARK: Volunteers

    func list(req: Request) async throws -> [VolunteerDTO] {
        let principal = try await req.require(.viewCommunityServices)
        var query = try CommunityScope.limit(VolunteerRecord.query(on: req.db), to: principal, community: try? req.query.get(String.self, at: "community"))
        if let team = try? req.query.get(UUID.self, at: "team") { query = query.filter(\.$teamID == team) }
        return try await Self.dtos(try await query.sort(\.$name).limit(1000).all(), req)
    }

    func register(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let volunteer = try await Self.register(try req.content.decode(VolunteerInput.self), principal: principal, req)
        return try await Self.dtos([volunteer], req)[0].encodeResponse(status: .created, for: req)
    }

    /// Registers a volunteer once per phone number; an in-service party member must be a party member.
    static func register(_ input: VolunteerInput, principal: Principal, _ req: Request) async throws -> VolunteerRecord {
        let community = try await CommunityScope.community(input.communityCode, for: principal, on: req.db)
        var checks = InputValidator(req)
        let name = checks.text(input.name, "/name", 1...50)
        let phone = checks.phone(input.phone, "/phone")
        let workplace = checks.text(input.workplace, "/workplace", 0...100)
        let partyMember = input.partyMember ?? false, inService = input.inService ?? false
        if inService && !partyMember { checks.fail("/inService", "only party members report to their community (双报到) / 在职党员须为党员") }
        if let teamID = input.teamId {
            let team = try await VolunteerTeamRecord.find(teamID, on: req.db)
            if team.map({ principal.canSee(divisionCode: $0.communityCode) }) != true { checks.fail("/teamId", "a team in your division / 队伍不存在") }
        }
        try checks.finish()
        let cipher = req.lianxin.cipher
        let volunteer = VolunteerRecord()
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
        let volunteer = try await CommunityScope.find(VolunteerRecord.self, req, principal, what: "volunteer")
        let id = try volunteer.requireID()
        let entries = try await PointsEntryRecord.query(on: req.db).filter(\.$volunteerID == id).sort(\.$at).all()
        let minutes = try await SignUpRecord.query(on: req.db).filter(\.$volunteerID == id).all(\.$minutes).compactMap { $0 }.reduce(0, +)
        return VolunteerDetail(volunteer: try await Self.dtos([volunteer], req)[0], serviceMinutes: minutes,
                               entries: entries.map { EntryDTO(amount: $0.amount, reason: $0.reason, referenceId: $0.referenceID, at: $0.at) })
    }

    // MARK: Teams

    func teams(req: Request) async throws -> [TeamDTO] {
        let principal = try await req.require(.viewCommunityServices)
        let teams = try await CommunityScope.limit(VolunteerTeamRecord.query(on: req.db), to: principal).sort(\.$name).all()
        let ids = teams.compactMap(\.id)
        let members = ids.isEmpty ? [] : try await VolunteerRecord.query(on: req.db).filter(\.$teamID ~~ ids).all(\.$teamID)
        return try teams.map { team in
            TeamDTO(id: try team.requireID(), communityCode: team.communityCode, name: team.name, members: members.filter { $0 == team.id }.count)
        }
    }

    func addTeam(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let team = try await Self.addTeam(try req.content.decode(TeamInput.self), principal: principal, req)
        return try await TeamDTO(id: try team.requireID(), communityCode: team.communityCode, name: team.name, members: 0)
            .encodeResponse(status: .created, for: req)
    }

    static func addTeam(_ input: TeamInput, principal: Principal, _ req: Request) async throws -> VolunteerTeamRecord {
        let community = try await CommunityScope.community(input.communityCode, for: principal, on: req.db)
        var checks = InputValidator(req)
        let name = checks.text(input.name, "/name", 1...50)
        try checks.finish()
        let team = VolunteerTeamRecord()
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

    // MARK: Earn rules

    func rules(req: Request) async throws -> RulesDTO {
        let principal = try await req.require(.viewCommunityServices)
        let community = try await Self.scopedCommunity(req, principal)
        return Self.dto(try await PointsLedgerStore.rules(for: community, on: req.db), community: community)
    }

    /// Sets the community's earn rules (audited); they apply to points earned from now on.
    func setRules(req: Request) async throws -> RulesDTO {
        let principal = try await req.require(.manageCommunityServices)
        let community = try await Self.scopedCommunity(req, principal)
        let input = try req.content.decode(RulesDTO.self)
        guard let rounding = PointsRounding(rawValue: input.serviceRounding) else {
            throw Problem.invalid(field: "/serviceRounding", "one of \(PointsRounding.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var checks = InputValidator(req)
        for (field, value) in [("/pointsPerServiceHour", input.pointsPerServiceHour), ("/pointsPerWish", input.pointsPerWish),
                               ("/pointsPerEvent", input.pointsPerEvent)] where !(0...10_000).contains(value) {
            checks.fail(field, "0–10000 points / 积分须在 0–10000 之间")
        }
        try checks.finish()
        let rules = try EarnRules(pointsPerServiceHour: input.pointsPerServiceHour, serviceRounding: rounding,
                                  pointsPerWish: input.pointsPerWish, pointsPerEvent: input.pointsPerEvent)
        let now = req.lianxin.now()
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                let row = try await EarnRulesRecord.find(community, on: db) ?? EarnRulesRecord()
                row.id = community
                row.pointsPerHour = rules.pointsPerServiceHour
                row.rounding = rules.serviceRounding.rawValue
                row.pointsPerWish = rules.pointsPerWish
                row.pointsPerEvent = rules.pointsPerEvent
                row.updatedAt = now
                try await row.save(on: db)
            }
        }
        await req.audit(.settingsChanged, result: .success, target: "earn-rules:\(community)",
                        detail: "hour \(rules.pointsPerServiceHour) \(rounding.rawValue), wish \(rules.pointsPerWish), event \(rules.pointsPerEvent)")
        return Self.dto(rules, community: community)
    }

    static func scopedCommunity(_ req: Request, _ principal: Principal) async throws -> String {
        guard let code = req.parameters.get("community"), CommunityScope.isCode(code), let division = try await Division.find(code, on: req.db),
              division.level == DivisionLevel.community.rawValue else { throw Problem.notFound("community") }
        guard principal.canSee(divisionCode: code) else { throw await req.outOfScope("community", target: "earn-rules:\(code)") }
        return code
    }

    static func dto(_ rules: EarnRules, community: String) -> RulesDTO {
        RulesDTO(communityCode: community, pointsPerServiceHour: rules.pointsPerServiceHour, serviceRounding: rules.serviceRounding.rawValue,
                 pointsPerWish: rules.pointsPerWish, pointsPerEvent: rules.pointsPerEvent)
    }

    // MARK: Rankings and 双报到

    func ranking(req: Request) async throws -> RankingDTO {
        let principal = try await req.require(.viewCommunityServices)
        let by = (try? req.query.get(String.self, at: "by")) ?? "points"
        guard ["points", "hours"].contains(by) else { throw Problem.invalid(field: "by", "points or hours") }
        let today = LocalDate(req.lianxin.now(), in: WorkCalendar.shanghai)
        let from = try Self.day(req, "from") ?? LocalDate(year: today.components.year, month: 1, day: 1) ?? today
        let to = try Self.day(req, "to") ?? today
        guard from <= to else { throw Problem.invalid(field: "from", "on or before to / 开始日期不能晚于结束日期") }
        return RankingDTO(by: by, from: from.description, to: to.description,
                          items: try await Self.ranking(by: by, from: from, to: to, principal: principal, limit: 50, req))
    }

    static func ranking(by: String, from: LocalDate, to: LocalDate, principal: Principal, limit: Int, _ req: Request) async throws -> [RankedDTO] {
        let volunteers = try await CommunityScope.limit(VolunteerRecord.query(on: req.db), to: principal).all()
        let byID = Dictionary(uniqueKeysWithValues: volunteers.compactMap { row in row.id.map { ($0, row) } })
        guard !byID.isEmpty else { return [] }
        let ranked: [RankedVolunteer]
        if by == "points" {
            let entries = try await PointsLedgerStore.entries(of: Array(byID.keys), on: req.db)
            ranked = VolunteerRanking.byPoints(entries, in: from...to)
        } else {
            let signups = try await SignUpRecord.query(on: req.db).filter(\.$volunteerID ~~ Array(byID.keys))
                .filter(\.$checkedOutAt != nil).all()
            let sessions = signups.compactMap { row -> ServiceSession? in
                guard let start = row.checkedInAt, let end = row.checkedOutAt else { return nil }
                return try? ServiceSession(volunteerID: row.volunteerID, checkIn: start, checkOut: end)
            }
            ranked = VolunteerRanking.byServiceMinutes(ServiceHours.credited(sessions, dailyCapMinutes: ActivitiesController.dailyCapMinutes), in: from...to)
        }
        return ranked.prefix(limit).compactMap { item in
            byID[item.volunteerID].map { RankedDTO(rank: item.rank, volunteerId: item.volunteerID, name: $0.name, communityCode: $0.communityCode, score: item.score) }
        }
    }

    static func day(_ req: Request, _ name: String) throws -> LocalDate? {
        guard let text = try? req.query.get(String.self, at: name) else { return nil }
        guard let day = LocalDate(iso: text) else { throw Problem.invalid(field: name, "a date like 2025-03-06 / 日期格式如 2025-03-06") }
        return day
    }

    func dualCheckIn(req: Request) async throws -> DualCheckInDTO {
        let principal = try await req.require(.viewCommunityServices)
        let quarter: Quarter
        if let text = try? req.query.get(String.self, at: "quarter") {
            guard let parsed = Quarter(text) else { throw Problem.invalid(field: "quarter", "a quarter like 2025-Q3 / 季度格式如 2025-Q3") }
            quarter = parsed
        } else {
            quarter = Quarter(containing: req.lianxin.now())
        }
        return try await Self.dualCheckIn(quarter, principal: principal, req)
    }

    /// In-service party members of the division and those without an activity in their residential community
    /// during `quarter`.
    static func dualCheckIn(_ quarter: Quarter, principal: Principal, _ req: Request) async throws -> DualCheckInDTO {
        let members = try await CommunityScope.limit(VolunteerRecord.query(on: req.db), to: principal)
            .filter(\.$partyMember == true).filter(\.$inService == true).sort(\.$name).all()
        let ids = members.compactMap(\.id)
        let signups = ids.isEmpty ? [] : try await SignUpRecord.query(on: req.db).filter(\.$volunteerID ~~ ids).filter(\.$checkedInAt != nil).all()
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

    // MARK: Shared

    static func dtos(_ volunteers: [VolunteerRecord], _ req: Request) async throws -> [VolunteerDTO] {
        let ids = volunteers.compactMap(\.id)
        let entries = ids.isEmpty ? [] : try await PointsEntryRecord.query(on: req.db).filter(\.$volunteerID ~~ ids).all()
        let ledger = PointsLedger(entries: entries.compactMap { row in
            try? PointsEntry(id: row.id ?? UUID(), volunteerID: row.volunteerID, amount: row.amount,
                             reason: PointsReason(rawValue: row.reason) ?? .adjustment, referenceID: row.referenceID, time: row.at)
        })
        let cipher = req.lianxin.cipher
        return try volunteers.map { row in
            let id = try row.requireID()
            return VolunteerDTO(id: id, communityCode: row.communityCode, name: row.name,
                                phone: PersonalDataMask.phone((try? cipher.open(row.phoneCipher)) ?? ""), teamId: row.teamID,
                                partyMember: row.partyMember, inService: row.inService, workplace: row.workplace,
                                registeredAt: row.registeredAt, balance: ledger.balance(of: id))
        }
    }
}
