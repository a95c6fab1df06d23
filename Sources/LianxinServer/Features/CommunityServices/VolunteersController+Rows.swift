import Vapor
import Fluent
import LianxinCore

/// The community a request is scoped to and the volunteer DTOs.
extension VolunteersController {
    static func scopedCommunity(_ req: Request, _ principal: Principal) async throws -> String {
        guard let code = req.parameters.get("community"), CommunityScope.isCode(code), let division = try await Division.find(code, on: req.db),
            division.level == DivisionLevel.community.rawValue
        else { throw Problem.notFound("community") }
        guard principal.canSee(divisionCode: code) else { throw await req.outOfScope("community", target: "earn-rules:\(code)") }
        return code
    }

    static func dto(_ rules: EarnRules, community: String) -> RulesDTO {
        RulesDTO(
            communityCode: community, pointsPerServiceHour: rules.pointsPerServiceHour, serviceRounding: rules.serviceRounding.rawValue,
            pointsPerWish: rules.pointsPerWish, pointsPerEvent: rules.pointsPerEvent)
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
                phone: PersonalDataMask.phone((try? cipher.open(row.phoneCipher)) ?? ""), teamId: row.teamID,
                partyMember: row.partyMember, inService: row.inService, workplace: row.workplace,
                registeredAt: row.registeredAt, balance: ledger.balance(of: id))
        }
    }
}
