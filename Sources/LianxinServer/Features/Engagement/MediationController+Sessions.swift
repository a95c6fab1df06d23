import Vapor
import Fluent
import LianxinCore

/// Mediation sessions, the outcome of a case and unmasking its parties.
extension MediationController {
    func addSession(req: Request) async throws -> Response {
        let principal = try await req.require(.handleDisputes)
        let row = try await Self.find(req, principal)
        let input = try req.content.decode(SessionInput.self)
        var checks = InputValidator(req)
        let now = req.lianxin.now()
        let heldAt = input.heldAt ?? now
        if heldAt > now.addingTimeInterval(300) { checks.fail("/heldAt", "not in the future / 不能晚于现在") }
        let place = checks.text(input.place, "/place", 1...200, label: "调解地点")
        let note = checks.text(input.note, "/note", 2...4000, label: "调解记录")
        try checks.finish()
        guard row.outcome == nil else {
            throw Problem.conflict(
                MediationRuleError.alreadyConcluded.message(in: .zhCN) + " / " + MediationRuleError.alreadyConcluded.message(in: .en))
        }
        let session = MediationSession()
        session.caseID = try row.requireID()
        session.heldAt = heldAt
        session.place = place
        session.note = note
        session.recordedBy = principal.userID
        try await req.lianxin.writes.run { try await session.create(on: req.db) }
        return try await Self.dtos([row], unmasked: false, req)[0].encodeResponse(status: .created, for: req)
    }

    func conclude(req: Request) async throws -> CaseDTO {
        let principal = try await req.require(.handleDisputes)
        let row = try await Self.find(req, principal)
        let input = try req.content.decode(ConcludeInput.self)
        var checks = InputValidator(req)
        let outcome: MediationOutcome? = checks.choice(input.outcome, "/outcome")
        let text = checks.text(input.agreementText, "/agreementText", 0...10_000, label: "协议内容")
        try checks.finish()
        guard let outcome else { throw Problem.invalid(field: "/outcome", "is required") }
        let sessions = try await MediationSession.query(on: req.db).filter(\.$caseID == row.requireID()).count()
        do {
            try MediationRules.checkConcluding(
                current: row.outcome.flatMap(MediationOutcome.init(rawValue:)), outcome: outcome,
                agreementText: text, sessions: sessions)
        } catch {
            let message = "\(error.message(in: .zhCN)) / \(error.message(in: .en))"
            switch error {
            case .agreementTextRequired, .agreementTextWithoutAgreement: throw Problem.invalid(field: "/agreementText", message)
            default: throw Problem.conflict(message, field: "/outcome")
            }
        }
        row.outcome = outcome.rawValue
        row.agreementText = text.isEmpty ? nil : text
        row.concludedOn = Engagement.day(req.lianxin.now()).description
        try await req.lianxin.writes.run { try await row.update(on: req.db) }
        return try await Self.dtos([row], unmasked: false, req)[0]
    }

    /// The parties' full names and phones, for a role allowed to unmask, with a reason; audited.
    func unmask(req: Request) async throws -> CaseDTO {
        _ = try await req.require(.handleDisputes)
        let principal = try await req.require(.unmaskPersonalData)
        let row = try await Self.find(req, principal)
        let reason = try MediationFigures.reason(try req.content.decode(ReasonInput.self).reason)
        try await req.auditDisclosure(
            .personalDataUnmasked, target: "mediation-case:\(try row.requireID())", recordDivision: row.divisionCode, detail: reason)
        return try await Self.dtos([row], unmasked: true, req)[0]
    }
}
