import Fluent
import Foundation
import LianxinCore
import Vapor

/// 巡察移交 (立行立改): the inspection group hands a problem it found to a township or village with a deadline; the
/// township's staff reply with what was done and its proof; the group accepts the rectification or returns it. Every
/// handover named is checked against the caller's division (out of it: 404); each write is one transaction.
struct HandoverService {
    let req: Request
    let principal: Principal

    struct HandoverInput: Content {
        var divisionCode: String?
        var title: String?
        var problem: String?
        var foundOn: String?
        var deadline: String?
    }

    struct ActionInput: Content {
        var action: String?
        /// What was done (reply).
        var reply: String?
        /// The proof of rectification (reply): photos taken, receipts, residents' confirmation.
        var proof: String?
        /// Why the reply is returned (return).
        var reason: String?
    }

    var today: LocalDate { LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone) }

    static func handover(_ id: String?, _ principal: Principal, _ req: Request) async throws -> InspectionHandover {
        guard let id = id.flatMap(UUID.init(uuidString:)), let row = try await InspectionHandover.find(id, on: req.db) else {
            throw Problem.notFound("handover")
        }
        guard principal.canSee(divisionCode: row.divisionCode) else { throw await req.outOfScope("handover", target: id.uuidString) }
        return row
    }

    func file(_ input: HandoverInput) async throws -> InspectionHandover {
        var checks = InputValidator(req)
        var place: DivisionCode?
        if let text = input.divisionCode, let code = DivisionCode(text), !principal.canSee(code) {
            // A township outside the group's county is one it cannot know of.
            throw await req.outOfScope("division", target: code.value)
        } else {
            place = try await ConductReportService.place(input.divisionCode, under: principal.division, &checks, req, key: "ov_err_township")
        }
        let title = checks.text(input.title, "/title", 2...60, label: req.t("ov_ho_title"))
        let problem = checks.text(input.problem, "/problem", 5...2000, label: req.t("ov_ho_problem"))
        let found = checks.day(input.foundOn, "/foundOn", default: today)
        if found > today || found < today.adding(days: -365) { checks.fail("/foundOn", key: "ov_err_found") }
        let deadline = LocalDate(iso: input.deadline ?? "")
        if deadline == nil || deadline! < today || deadline! > today.adding(days: 180) { checks.fail("/deadline", key: "ov_err_deadline") }
        try checks.finish()
        let row = InspectionHandover()
        row.divisionCode = place!.value
        row.groupDivisionCode = principal.division.value
        row.groupName = principal.displayName
        row.title = title
        row.problem = problem
        row.foundOn = found.description
        row.deadline = deadline!.description
        row.status = Oversight.HandoverStatus.handedOver.rawValue
        row.returns = 0
        row.createdBy = principal.username
        row.createdAt = req.lianxin.now()
        let actor = req.auditActor
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await row.create(on: db)
                try await AuditLog.record(
                    .handoverFiled, result: .success, actor: actor, target: "inspection-handover:\(row.id?.uuidString ?? "")",
                    recordDivision: row.divisionCode, ip: req.clientIP, requestID: req.id, detail: nil, at: req.lianxin.now(), on: db)
            }
        }
        return row
    }

    func act(_ row: InspectionHandover, _ input: ActionInput) async throws {
        var checks = InputValidator(req)
        guard let action = Oversight.HandoverAction(rawValue: input.action ?? "") else {
            checks.fail("/action", key: "ov_err_action")
            try checks.finish()
            return
        }
        let needed: Permission = action.byGroup ? .runInspections : .replyHandovers
        guard principal.role.can(needed) else {
            await req.audit(.permissionDenied, result: .denied, target: "\(req.method.rawValue) \(req.url.path)", detail: "needs \(needed.rawValue)")
            throw Problem.forbidden
        }
        let status = Oversight.HandoverStatus(rawValue: row.status) ?? .handedOver
        guard let next = Oversight.apply(action, to: status) else { throw Problem.conflict(checks.message("ov_err_not_now"), field: "/action") }
        switch action {
        case .reply:
            row.reply = checks.text(input.reply, "/reply", 5...2000, label: req.t("ov_ho_reply"))
            row.proof = checks.text(input.proof, "/proof", 2...1000, label: req.t("ov_ho_proof"))
            row.repliedBy = principal.displayName
            row.repliedOn = today.description
        case .accept:
            row.rectifiedOn = today.description
        case .return:
            row.returnReason = checks.text(input.reason, "/reason", 5...500, label: req.t("ov_ho_reason"))
            row.returns += 1
        }
        try checks.finish()
        row.status = next.rawValue
        let actor = req.auditActor
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await row.save(on: db)
                try await AuditLog.record(
                    .handoverDecided, result: .success, actor: actor, target: "inspection-handover:\(row.id?.uuidString ?? "")",
                    recordDivision: row.divisionCode, ip: req.clientIP, requestID: req.id, detail: action.rawValue, at: req.lianxin.now(), on: db)
            }
        }
    }
}
