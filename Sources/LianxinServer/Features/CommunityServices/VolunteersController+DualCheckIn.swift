import Vapor
import Fluent
import LianxinCore

/// 双报到: which in-service party members have reported to their community this quarter.
extension VolunteersController {
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
}
