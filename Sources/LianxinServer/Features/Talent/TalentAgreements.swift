import Foundation
import Fluent
import Vapor
import LianxinCore

/// Agreements: the centre proposes one from a match (or a technical-service project); the parties
/// approve or refuse; the centre starts and ends it; both sides evaluate. Every step goes through
/// `AgreementMachine` and is stored as an event with an audit entry, in one transaction.
struct TalentAgreements {
    let req: Request
    let viewer: TalentViewer

    /// Agreements that take one of a demand's heads: agreed, running or done.
    static let holding: Set<String> = Set([AgreementStatus.agreed, .active, .ended].map(\.rawValue))
    /// Agreements still in play for a person.
    static let open: Set<String> = Set([AgreementStatus.proposed, .agreed, .active].map(\.rawValue))

    func propose(_ input: TalentAgreementInput) async throws -> TalentAgreementRow {
        guard viewer.isCentre else { throw Problem.forbidden }
        let demand = try await viewer.demand(input.demandID, on: req.db)
        let profile = try await viewer.profile(input.profileID, on: req.db)
        var validator = InputValidator(req)
        if demand.status != "published" { validator.fail("/demandID", key: "talent_demand_not_published") }
        if !profile.consented { validator.fail("/profileID", key: "talent_no_consent") }
        if profile.homeOrgID != nil && profile.homeOrgID == demand.orgID { validator.fail("/profileID", key: "talent_same_org") }
        // A demand takes as many people as it asks for: once its headcount is filled by agreements that hold,
        // nobody more is proposed; nor is the same person twice while an earlier proposal is still open.
        let others = try await TalentAgreementRow.query(on: req.db).filter(\.$demandID == demand.id).all()
        if others.filter({ Self.holding.contains($0.status) }).count >= demand.headcount {
            validator.fail("/demandID", key: "talent_demand_filled")
        }
        if others.contains(where: { $0.profileID == profile.id && Self.open.contains($0.status) }) {
            validator.fail("/profileID", key: "talent_already_proposed")
        }
        guard let spec = TalentCodec.spec(demand), let demandOrg = demand.orgID else { throw Problem.notFound("demand") }
        let deliverables = (input.deliverables ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let terms = AgreementTerms(
            mode: spec.mode, period: spec.period, deliverables: deliverables, termMonths: input.termMonths,
            hasHomeEmployer: profile.homeOrgID != nil)
        for problem in terms.problems() {
            validator.fail("/\(problem.field)", key: "talent_terms_\(problem.key)")
        }
        let note = validator.optionalText(input.terms, "/terms", limit: 500) ?? ""
        try validator.finish()
        let row = TalentAgreementRow()
        row.demandID = demand.id
        row.profileID = profile.id
        row.demandOrgID = demandOrg
        row.homeOrgID = profile.homeOrgID
        row.divisionCode = demand.divisionCode
        row.mode = spec.mode.rawValue
        row.startsOn = demand.startsOn
        row.endsOn = demand.endsOn
        row.deliverables = deliverables.joined(separator: ";")
        row.termMonths = input.termMonths
        row.terms = note
        let state = AgreementState(required: AgreementState.requiredParties(mode: spec.mode, hasHomeOrg: profile.homeOrgID != nil))
        row.status = state.status.rawValue
        row.required = TalentCodec.join(state.required)
        row.approvals = ""
        row.evaluations = ""
        row.createdBy = viewer.principal.username
        row.createdAt = req.lianxin.now()
        try await save(row, action: "propose", party: .centre, score: nil, note: note, create: true)
        return row
    }

    /// Applies one action by the viewer; the party is the viewer's side (an organisation's contact) or,
    /// for the centre, `person` when it records the person's own word.
    func act(_ row: TalentAgreementRow, _ input: TalentActionInput) async throws {
        var validator = InputValidator(req)
        let party: AgreementParty
        if let orgID = viewer.orgID {
            party = orgID == row.demandOrgID ? .demandOrg : .homeOrg
        } else if viewer.isCentre {
            party = input.party == AgreementParty.person.rawValue ? .person : .centre
        } else {
            throw Problem.forbidden
        }
        let action: AgreementAction
        switch input.action ?? "" {
        case "approve": action = .approve(party)
        case "refuse": action = .refuse(party)
        case "withdraw", "start", "end":
            guard party == .centre else { throw Problem.forbidden }
            action = input.action == "withdraw" ? .withdraw : (input.action == "start" ? .start : .end)
        case "evaluate": action = .evaluate(party)
        default:
            validator.fail("/action", key: "talent_action_unknown")
            try validator.finish()
            return
        }
        let note = validator.optionalText(input.note, "/note", limit: 300) ?? ""
        var score: Int?
        if case .evaluate = action {
            score = input.score
            if !(1...5).contains(input.score ?? 0) { validator.fail("/score", key: "talent_score_required") }
        }
        if case .refuse = action, note.isEmpty { validator.fail("/note", key: "talent_reason_required") }
        try validator.finish()
        switch AgreementMachine.apply(action, to: TalentCodec.state(row)) {
        case .failure(let refusal):
            throw Problem.conflict(validator.message("talent_refusal_\(refusal.key)"), field: "/action")
        case .success(let next):
            if next.status == .agreed, row.status != AgreementStatus.agreed.rawValue, let demandID = row.demandID,
                let demand = try await TalentDemand.find(demandID, on: req.db)
            {
                let holding = try await TalentAgreementRow.query(on: req.db).filter(\.$demandID == demandID)
                    .filter(\.$status ~~ Array(Self.holding)).filter(\.$id != row.requireID()).count()
                if holding >= demand.headcount { throw Problem.conflict(validator.message("talent_demand_filled"), field: "/action") }
            }
            row.status = next.status.rawValue
            row.approvals = TalentCodec.join(next.approvals)
            row.evaluations = TalentCodec.join(next.evaluations)
            try await save(row, action: input.action ?? "", party: party, score: score, note: note, create: false)
        }
    }

    private func save(_ row: TalentAgreementRow, action: String, party: AgreementParty, score: Int?, note: String, create: Bool) async throws {
        let now = req.lianxin.now()
        let actor = req.auditActor
        let (ip, requestID, username) = (req.clientIP, req.id, viewer.principal.username)
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                if create { try await row.create(on: db) } else { try await row.save(on: db) }
                let event = TalentAgreementEvent()
                event.agreementID = try row.requireID()
                event.action = action
                event.party = party.rawValue
                event.actor = username
                event.score = score
                event.note = note
                event.at = now
                try await event.create(on: db)
                try await AuditLog.record(
                    .talentAgreementChanged, result: .success, actor: actor, target: row.id?.uuidString, recordDivision: row.divisionCode,
                    ip: ip, requestID: requestID, detail: "\(action) \(party.rawValue) → \(row.status)", at: now, on: db)
            }
        }
    }
}
