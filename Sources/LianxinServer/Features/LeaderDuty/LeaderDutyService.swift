import Fluent
import Foundation
import LianxinCore
import Vapor

/// The writes of 我陪群众走流程: sessions, the problems found and each problem's rectification. Every record, leader,
/// division and unit named is checked against the caller's scope (out of it: 404); every problem names its field; each
/// write is one transaction.
struct LeaderDutyService {
    let req: Request
    let principal: Principal

    struct SessionInput: Content {
        var leaderId: String?
        var divisionCode: String?
        var heldOn: String?
        var hall: String?
        var matter: String?
        var role: String?
        var services: Int?
    }

    struct ProblemInput: Content {
        var description: String?
        var ownerUnitId: String?
        var deadline: String?
    }

    struct ActionInput: Content {
        var action: String?
        var rectification: String?
    }

    var today: LocalDate { LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone) }

    func addSession(_ input: SessionInput) async throws -> DutySession {
        var checks = InputValidator(req)
        var division: DivisionCode?
        if let raw = input.divisionCode, !raw.isEmpty { division = try await LeaderDutyLookup.division(raw, principal, req) }
        if division == nil { checks.fail("/divisionCode", key: "ld_err_division") }
        var leader: User?
        if let raw = input.leaderId, !raw.isEmpty { leader = try await LeaderDutyLookup.leader(raw, principal, req) }
        if leader == nil {
            checks.fail("/leaderId", key: "ld_err_leader")
        } else if let division, let own = DivisionCode(leader!.divisionCode), !own.contains(division) {
            checks.fail("/leaderId", key: "ld_err_leader_division")
        }
        let day = LocalDate(iso: input.heldOn ?? "")
        if day == nil || day! > today || day! < today.adding(days: -366) { checks.fail("/heldOn", key: "ld_err_held_on") }
        let hall = checks.text(input.hall, "/hall", 2...60)
        let matter = checks.text(input.matter, "/matter", 2...60)
        let role = LeaderDuty.SessionRole(rawValue: input.role ?? "")
        if role == nil { checks.fail("/role", key: "ld_err_role") }
        if !LeaderDuty.servicesRange.contains(input.services ?? 0) { checks.fail("/services", key: "ld_err_services") }
        try checks.finish()
        let row = DutySession()
        row.divisionCode = division!.value
        row.leaderID = try leader!.requireID()
        row.leaderName = leader!.displayName
        row.heldOn = day!.description
        row.hall = hall
        row.matter = matter
        row.role = role!.rawValue
        row.services = input.services ?? 1
        row.createdBy = principal.username
        row.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return row
    }

    func addProblem(_ session: DutySession, _ input: ProblemInput) async throws -> DutyProblem {
        let (description, unit, deadline) = try await LeaderDutyLookup.task(
            description: input.description, maxLength: 300, unit: input.ownerUnitId, deadline: input.deadline,
            division: session.divisionCode, today: today, principal, req)
        let row = DutyProblem()
        row.sessionID = try session.requireID()
        row.divisionCode = session.divisionCode
        row.description = description
        row.ownerUnitID = try unit.requireID()
        row.deadline = deadline.description
        row.status = LeaderDuty.TaskStatus.open.rawValue
        row.createdBy = principal.username
        row.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return row
    }

    /// A step of the rectification: the unit reports what it did; the supervising office confirms or sends it back
    /// (audited with the task).
    func act(_ problem: DutyProblem, _ input: ActionInput) async throws {
        var checks = InputValidator(req)
        guard let action = LeaderDuty.TaskAction(rawValue: input.action ?? "") else {
            checks.fail("/action", key: "ld_err_action")
            try checks.finish()
            return
        }
        let needed: Permission = action == .rectify ? .rectifyLeaderDuty : .manageLeaderDuty
        guard principal.role.can(needed) else {
            await req.audit(.permissionDenied, result: .denied, target: "problem:\(problem.id?.uuidString ?? "")", detail: "needs \(needed.rawValue)")
            throw Problem.forbidden
        }
        guard let next = LeaderDuty.apply(action, to: LeaderDuty.TaskStatus(rawValue: problem.status) ?? .open) else {
            throw Problem.conflict(checks.message("ld_err_not_now"), field: "/action")
        }
        switch action {
        case .rectify:
            problem.rectification = checks.text(input.rectification, "/rectification", 4...300)
            try checks.finish()
            problem.rectifiedOn = today.description
        case .confirm:
            problem.confirmedOn = today.description
        case .reopen:
            problem.rectifiedOn = nil
        }
        problem.status = next.rawValue
        let (actor, ip, requestID, now) = (req.auditActor, req.clientIP, req.id, req.lianxin.now())
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await problem.save(on: db)
                if action != .rectify {
                    try await AuditLog.record(
                        .leaderDutyTaskDecided, result: .success, actor: actor, target: problem.id?.uuidString,
                        recordDivision: problem.divisionCode, ip: ip, requestID: requestID, detail: action.rawValue, at: now, on: db)
                }
            }
        }
    }
}
