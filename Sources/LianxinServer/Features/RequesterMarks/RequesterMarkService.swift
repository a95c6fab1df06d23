import Fluent
import LianxinCore
import Vapor

/// Requester marks (来电人标记) as one service for the API and the pages: proposing a mark from an order, the
/// centre's decision, and the marks in force on a number the desk has typed. Every change is audited, and so is
/// every look-up that finds a mark, since it tells the reader something about a person.
struct RequesterMarkService {
    let req: Request
    let principal: Principal

    struct Proposal: Content {
        var kind: String?
        var reason: String?
        var days: String?
    }

    struct Decision: Content {
        var action: String?
        var note: String?
    }

    /// Proposes a mark on the phone of an order in the proposer's scope.
    func propose(orderID raw: String?, _ input: Proposal) async throws -> RequesterMark {
        let order = try await WorkOrderLookup.find(raw, for: principal, on: req)
        var checks = InputValidator(req)
        guard let phoneIndex = order.requesterPhoneIndex else {
            throw Problem.invalid(field: "/orderId", checks.message("mark_error_no_phone"))
        }
        let kind = RequesterMarkKind(rawValue: input.kind ?? "")
        if kind == nil { checks.fail("/kind", key: "mark_error_kind") }
        let reason = input.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let daysText = input.days?.trimmingCharacters(in: .whitespaces) ?? ""
        let days = daysText.isEmpty ? RequesterMarkRules.defaultDays : Int(daysText) ?? 0
        let problems = RequesterMarkRules.problems(reason: reason, days: days)
        if problems.contains(.reasonTooShort) { checks.fail("/reason", key: "mark_error_reason") }
        if reason.count > 500 { checks.fail("/reason", key: "mark_error_reason_long") }
        if problems.contains(.validityOutOfRange) { checks.fail("/days", key: "mark_error_days") }
        let now = req.lianxin.now()
        if let kind {
            let open = try await RequesterMark.query(on: req.db).filter(\.$phoneIndex == phoneIndex).filter(\.$kind == kind.rawValue)
                .all().filter { $0.markStatus == .proposed || $0.inForce(at: now) }
            if !open.isEmpty { checks.fail("/kind", key: "mark_error_exists") }
        }
        try checks.finish()
        let mark = RequesterMark()
        mark.phoneIndex = phoneIndex
        mark.orderID = try order.requireID()
        mark.orderNumber = order.number
        mark.divisionCode = order.divisionCode
        mark.kind = (kind ?? .frequent).rawValue
        mark.reason = reason
        mark.days = days
        mark.status = RequesterMarkStatus.proposed.rawValue
        mark.proposedBy = principal.userID
        mark.proposedByName = principal.displayName
        mark.proposedAt = now
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await mark.create(on: db)
                try await AuditLog.record(
                    .requesterMarkProposed, result: .success, actor: principal.auditActor, target: "requester-mark:\(mark.id?.uuidString ?? "")",
                    recordDivision: order.divisionCode, ip: req.clientIP, requestID: req.id,
                    detail: "\(mark.kind) order=\(order.number) days=\(days)", at: now, on: db)
            }
        }
        return mark
    }

    /// The centre approves or refuses a proposal, or withdraws a mark in force; never one's own proposal.
    func decide(_ raw: String?, _ input: Decision) async throws -> RequesterMark {
        let mark = try await find(raw)
        var checks = InputValidator(req)
        guard let action = RequesterMarkAction(rawValue: input.action ?? "") else {
            throw Problem.invalid(field: "/action", checks.message("mark_error_action"))
        }
        guard mark.proposedBy != principal.userID else {
            throw Problem(.forbidden, type: "own-proposal", title: "Forbidden", detail: checks.message("mark_error_own"))
        }
        let now = req.lianxin.now()
        let status = mark.inForce(at: now) || mark.markStatus != .approved ? mark.markStatus : .revoked
        guard let next = RequesterMarkRules.apply(action, to: status) else {
            throw Problem.conflict(checks.message("mark_error_state"))
        }
        let note = input.note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if action != .approve, note.count < 2 { checks.fail("/note", key: "mark_error_note") }
        if note.count > 500 { checks.fail("/note", key: "mark_error_reason_long") }
        try checks.finish()
        mark.status = next.rawValue
        mark.decidedByName = principal.displayName
        mark.decidedAt = now
        mark.decisionNote = note.isEmpty ? nil : note
        if next == .approved { mark.expiresAt = now.addingTimeInterval(Double(mark.days) * 86_400) }
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await mark.update(on: db)
                try await AuditLog.record(
                    .requesterMarkDecided, result: .success, actor: principal.auditActor, target: "requester-mark:\(mark.id?.uuidString ?? "")",
                    recordDivision: mark.divisionCode, ip: req.clientIP, requestID: req.id, detail: "\(action.rawValue) \(mark.kind)", at: now,
                    on: db)
            }
        }
        return mark
    }

    /// A mark in the principal's division, or 404.
    func find(_ raw: String?) async throws -> RequesterMark {
        guard let id = raw.flatMap(UUID.init(uuidString:)),
            let mark = try await RequesterMark.query(on: req.db).filter(\.$id == id).inScope(\.$divisionCode, principal).first()
        else { throw Problem.notFound("requester mark") }
        return mark
    }

    /// The marks in force on `phone` within the principal's division; a look-up that finds one is audited.
    func inForce(phone text: String?) async throws -> [RequesterMark] {
        guard let text, let phone = try? PhoneNumber(parsing: text) else {
            throw Problem.invalid(field: "/phone", InputValidator(req).message("mark_error_phone"))
        }
        let now = req.lianxin.now()
        let marks = try await RequesterMark.query(on: req.db).filter(\.$phoneIndex == req.lianxin.cipher.blindIndex(phone.value))
            .filter(\.$status == RequesterMarkStatus.approved.rawValue).inScope(\.$divisionCode, principal).all()
            .filter { $0.inForce(at: now) }
        if !marks.isEmpty {
            try await req.auditDisclosure(
                .personalDataViewed, target: "requester-mark:\(marks.map { $0.id?.uuidString ?? "" }.joined(separator: ","))",
                recordDivision: marks.first?.divisionCode, detail: "desk look-up")
        }
        return marks
    }

    /// The marks waiting for the centre and those in force, in the principal's division, newest first.
    func list() async throws -> (pending: [RequesterMark], inForce: [RequesterMark]) {
        let now = req.lianxin.now()
        let all = try await RequesterMark.query(on: req.db).inScope(\.$divisionCode, principal)
            .filter(\.$status ~~ [RequesterMarkStatus.proposed.rawValue, RequesterMarkStatus.approved.rawValue])
            .sort(\.$proposedAt, .descending).limit(500).all()
        return (all.filter { $0.markStatus == .proposed }, all.filter { $0.inForce(at: now) })
    }
}
