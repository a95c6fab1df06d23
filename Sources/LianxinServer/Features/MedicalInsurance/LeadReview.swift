import Vapor
import Fluent
import LianxinCore

/// 人工复核 and what follows it: confirming a lead with the amount to recover or dismissing it with a
/// reason, recording amounts recovered, and confirming or declining the actions points propose.
/// Every write is one transaction with its audit entry; a lead outside the caller's division is 404.
struct LeadReview {
    let request: Request
    let principal: Principal

    /// A lead in the caller's scope, or 404.
    static func find(_ raw: String?, for principal: Principal, on db: any Database) async throws -> InsuranceLead {
        guard let raw, let id = UUID(uuidString: raw),
            let lead = try await InsuranceLead.query(on: db).filter(\.$id == id).inScope(\.$divisionCode, principal).first()
        else { throw Problem.notFound("lead") }
        return lead
    }

    /// Confirms (`confirm`, with `amount` in yuan, at most the amount at stake) or dismisses (`dismiss`, with a reason).
    func review(_ lead: InsuranceLead, decision: String?, amount: String?, reason: String?) async throws {
        var validator = InputValidator(request)
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if lead.status != "open" { validator.fail("/decision", key: "mi_review_done") }
        var recover: Int?
        switch decision {
        case "confirm":
            if let fen = amount.flatMap({ ClaimMoney.fen($0.trimmingCharacters(in: .whitespaces)) }), fen > 0 {
                recover = fen
            } else {
                validator.fail("/amount", key: "mi_review_amount")
            }
            if reason.count > 500 { validator.fail("/reason", key: "mi_review_reason_long") }
        case "dismiss":
            if reason.count < 2 || reason.count > 500 { validator.fail("/reason", key: "mi_review_reason") }
        default:
            validator.fail("/decision", key: "mi_review_decision")
        }
        try validator.finish()
        let now = request.lianxin.now()
        let actor = request.auditActor
        let recovered = recover
        try await request.lianxin.writes.run {
            try await request.db.transaction { db in
                lead.status = decision == "confirm" ? "confirmed" : "dismissed"
                lead.recoverFen = recovered.map(Int64.init)
                lead.reason = reason.isEmpty ? nil : reason
                lead.reviewedBy = principal.username
                lead.reviewedAt = now
                try await lead.update(on: db)
                try await AuditLog.record(
                    .insuranceLeadReviewed, result: .success, actor: actor, target: "mi-lead:\(try lead.requireID())",
                    recordDivision: lead.divisionCode, detail: "\(lead.status) \(recovered.map(ClaimMoney.yuan) ?? "")", at: now, on: db)
            }
        }
    }

    /// Records an amount recovered on a confirmed lead (挽回损失).
    func recordRecovery(_ lead: InsuranceLead, amount: String?, note: String?) async throws {
        var validator = InputValidator(request)
        if lead.status != "confirmed" { validator.fail("/amount", key: "mi_recovery_not_confirmed") }
        let fen = amount.flatMap { ClaimMoney.fen($0.trimmingCharacters(in: .whitespaces)) }
        if fen == nil || fen == 0 { validator.fail("/amount", key: "mi_review_amount") }
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if note.count > 200 { validator.fail("/note", key: "mi_review_reason_long") }
        try validator.finish()
        let now = request.lianxin.now()
        let actor = request.auditActor
        let id = try lead.requireID()
        try await request.lianxin.writes.run {
            try await request.db.transaction { db in
                let row = InsuranceRecovery()
                row.leadID = id
                row.divisionCode = lead.divisionCode
                row.amountFen = Int64(fen ?? 0)
                row.note = note
                row.recordedBy = principal.username
                row.recordedAt = now
                try await row.create(on: db)
                try await AuditLog.record(
                    .insuranceRecoveryRecorded, result: .success, actor: actor, target: "mi-lead:\(id)", recordDivision: lead.divisionCode,
                    detail: ClaimMoney.yuan(fen ?? 0), at: now, on: db)
            }
        }
    }

    /// Confirms or declines an action the subject's points propose now; confirming a suspension or the
    /// end of an institution's agreement changes its agreement status.
    func decide(subject: String?, code: String?, action: String?, decision: String?) async throws {
        var validator = InputValidator(request)
        let subjectKind = subject.flatMap(PointsPolicy.Subject.init(rawValue:))
        let actionKind = action.flatMap(PointsPolicy.Action.init(rawValue:))
        if subjectKind == nil { validator.fail("/subject", key: "mi_points_unknown") }
        if actionKind == nil { validator.fail("/action", key: "mi_points_unknown") }
        if decision != "confirmed" && decision != "declined" { validator.fail("/decision", key: "mi_review_decision") }
        try validator.finish()
        guard let subjectKind, let actionKind, let code, let decision else { throw Problem.notFound() }
        let standing = try await PointsStanding.load(principal: principal, on: request.db)
        guard let row = standing.rows(subjectKind).first(where: { $0.code == code }) else { throw Problem.notFound("subject") }
        guard row.proposals.contains(actionKind) else {
            throw Problem.invalid(field: "/action", InputValidator(request).message("mi_points_not_proposed"))
        }
        let now = request.lianxin.now()
        let actor = request.auditActor
        try await request.lianxin.writes.run {
            try await request.db.transaction { db in
                let record = InsurancePointAction()
                record.subject = subjectKind.rawValue
                record.subjectCode = code
                record.divisionCode = row.divisionCode
                record.action = actionKind.rawValue
                record.decision = decision
                record.points = row.points
                record.decidedBy = principal.username
                record.decidedAt = now
                try await record.create(on: db)
                if subjectKind == .institution, decision == "confirmed", actionKind != .interview,
                    let institution = try await InsuranceInstitution.query(on: db).filter(\.$code == code).first()
                {
                    institution.agreementStatus = actionKind == .suspendSettlement ? "suspended" : "terminated"
                    try await institution.update(on: db)
                }
                try await AuditLog.record(
                    .insurancePointActionDecided, result: .success, actor: actor, target: "mi-\(subjectKind.rawValue):\(code)",
                    recordDivision: row.divisionCode, detail: "\(actionKind.rawValue) \(decision) at \(row.points) points", at: now, on: db)
            }
        }
    }
}

/// The points of every institution and person in scope, from confirmed leads and the rules' points,
/// with the actions their thresholds propose that nobody has decided yet.
struct PointsStanding {
    struct Row: Sendable {
        var code: String
        var name: String
        var divisionCode: String
        var points: Int
        var proposals: [PointsPolicy.Action]
        var decided: [String]
    }

    var institutions: [Row]
    var persons: [Row]

    func rows(_ subject: PointsPolicy.Subject) -> [Row] { subject == .institution ? institutions : persons }

    static func load(principal: Principal, on db: any Database) async throws -> PointsStanding {
        let rules = try await InsuranceStore.rules(on: db)
        let policy = try await InsuranceStore.policy(on: db)
        let confirmed = try await InsuranceLead.query(on: db).inScope(\.$divisionCode, principal).filter(\.$status == "confirmed").all()
        let leads = confirmed.compactMap { row in
            ScreeningRuleKind(rawValue: row.rule).map {
                Lead(
                    rule: $0, settlementID: row.settlementID, institutionCode: row.institutionCode, doctorCode: row.doctorCode, amountFen: 0,
                    evidence: [])
            }
        }
        let points = PointsPolicy.points(of: leads, rules: rules)
        let decisions = try await InsurancePointAction.query(on: db).inScope(\.$divisionCode, principal).all()
        let institutions = try await InsuranceStore.institutions(on: db)
        let persons = Dictionary(
            try await InsurancePerson.query(on: db).filter(\.$code ~~ Array(points.persons.keys)).all().map { ($0.code, $0) },
            uniquingKeysWith: { first, _ in first })
        let divisionOfPerson = Dictionary(
            confirmed.compactMap { row in row.doctorCode.map { ($0, row.divisionCode) } }, uniquingKeysWith: { first, _ in first })
        func row(_ subject: PointsPolicy.Subject, _ code: String, _ total: Int, name: String, division: String) -> Row {
            let decided = decisions.filter { $0.subject == subject.rawValue && $0.subjectCode == code }
            let taken = Set(decided.compactMap { PointsPolicy.Action(rawValue: $0.action) })
            return Row(
                code: code, name: name, divisionCode: division, points: total,
                proposals: policy.proposals(for: subject, points: total, decided: taken),
                decided: decided.map { "\($0.action):\($0.decision)" })
        }
        let order: (Row, Row) -> Bool = { ($1.points, $0.code) < ($0.points, $1.code) }
        return PointsStanding(
            institutions: points.institutions.map { code, total in
                row(.institution, code, total, name: institutions[code]?.name ?? code, division: institutions[code]?.divisionCode ?? "")
            }.sorted(by: order),
            persons: points.persons.map { code, total in
                row(.person, code, total, name: persons[code]?.name ?? code, division: persons[code]?.divisionCode ?? divisionOfPerson[code] ?? "")
            }.sorted(by: order))
    }
}
