import Vapor
import Fluent
import LianxinCore

/// Reading case rows: the unmasking reason, look-up in scope and the DTOs.
extension MediationController {

    static func find(_ req: Request, _ principal: Principal) async throws -> MediationCase {
        try await Engagement.scoped(
            MediationCase.self, try Engagement.id(req, "id", "mediation case"), division: \.divisionCode,
            "mediation case", principal, req)
    }

    static func dtos(_ rows: [MediationCase], unmasked: Bool, _ req: Request) async throws -> [CaseDTO] {
        let ids = rows.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let cipher = req.lianxin.cipher
        let language = Engagement.language(req)
        let parties = Dictionary(grouping: try await MediationParty.query(on: req.db).filter(\.$caseID ~~ ids).sort(\.$position).all(), by: \.caseID)
        let mediators = Dictionary(grouping: try await MediationMediator.query(on: req.db).filter(\.$caseID ~~ ids).all(), by: \.caseID)
        let sessions = Dictionary(grouping: try await MediationSession.query(on: req.db).filter(\.$caseID ~~ ids).sort(\.$heldAt).all(), by: \.caseID)
        let petitions = Dictionary(
            grouping: try await Petition.query(on: req.db).filter(\.$mediationCaseID ~~ ids).all(),
            by: { $0.mediationCaseID ?? UUID() })
        let names = try await Division.query(on: req.db).filter(\.$id ~~ Array(Set(rows.map(\.divisionCode)))).all()
            .reduce(into: [String: String]()) { $0[$1.id ?? ""] = $1.name }
        return try rows.map { row in
            let id = try row.requireID()
            let outcome = row.outcome.flatMap(MediationOutcome.init(rawValue:))
            return CaseDTO(
                id: id, divisionCode: row.divisionCode, divisionName: names[row.divisionCode] ?? row.divisionCode, gridCode: row.gridCode,
                disputeType: row.disputeType, disputeTypeName: DisputeType(rawValue: row.disputeType)?.name(in: language) ?? row.disputeType,
                summary: row.summary, receivedOn: row.receivedOn,
                parties: try (parties[id] ?? []).map { party in
                    let name = try cipher.open(party.nameCipher, for: .mediationPartyName, row: try party.requireID())
                    let phone = try party.phoneCipher.map { try cipher.open($0, for: .mediationPartyPhone, row: try party.requireID()) }
                    return PartyDTO(
                        side: party.side, name: unmasked ? name : PersonalDataMask.name(name),
                        phone: unmasked ? phone : phone.map(PersonalDataMask.phone))
                },
                mediators: (mediators[id] ?? []).map(\.name).sorted(),
                sessions: (sessions[id] ?? []).map {
                    SessionDTO(heldAt: $0.heldAt, heldAtText: Engagement.minute($0.heldAt), place: $0.place, note: $0.note)
                },
                outcome: row.outcome, outcomeName: outcome?.name(in: language), agreementText: row.agreementText,
                concludedOn: row.concludedOn, petitionIds: (petitions[id] ?? []).compactMap(\.id))
        }
    }
}
