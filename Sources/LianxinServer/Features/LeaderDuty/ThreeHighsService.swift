import Fluent
import Foundation
import LianxinCore
import Vapor

/// The writes of 三高包保: a leader assigned to a matter (a category in a division) of the tier their level owns
/// (`ThreeHighs.check`), the tasks the leader sets with owner units and deadlines, and tasks done. Scope, fields and
/// transactions as in `LeaderDutyService`.
struct ThreeHighsService {
    let req: Request
    let principal: Principal

    struct MatterInput: Content {
        var leaderId: String?
        var divisionCode: String?
        var categoryCode: String?
        var tier: String?
        var note: String?
    }

    struct TaskInput: Content {
        var description: String?
        var ownerUnitId: String?
        var deadline: String?
    }

    var today: LocalDate { LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone) }

    func assign(_ input: MatterInput) async throws -> LeaderMatter {
        var checks = InputValidator(req)
        var division: DivisionCode?
        if let raw = input.divisionCode, !raw.isEmpty { division = try await LeaderDutyLookup.division(raw, principal, req) }
        if division == nil { checks.fail("/divisionCode", key: "ld_err_division") }
        var leader: User?
        if let raw = input.leaderId, !raw.isEmpty { leader = try await LeaderDutyLookup.leader(raw, principal, req) }
        if leader == nil { checks.fail("/leaderId", key: "ld_err_leader") }
        let code = input.categoryCode ?? ""
        let category = code.isEmpty ? nil : try await Category.find(code, on: req.db)
        if category == nil || category?.active != true { checks.fail("/categoryCode", key: "th_err_category") }
        let tier = ThreeHighs.Tier(rawValue: input.tier ?? "")
        if tier == nil { checks.fail("/tier", key: "th_err_tier") }
        let note = checks.optionalText(input.note, "/note", limit: 200)
        if let tier, let division, let leader, let own = DivisionCode(leader.divisionCode) {
            switch ThreeHighs.check(tier: tier, leader: own, matter: division) {
            case .wrongLevel?: checks.fail("/tier", key: "th_err_level_\(tier.rawValue)")
            case .outsideLeaderDivision?: checks.fail("/divisionCode", key: "ld_err_leader_division")
            case nil: break
            }
        }
        try checks.finish()
        let taken = try await LeaderMatter.query(on: req.db).filter(\.$categoryCode == code).filter(\.$divisionCode == division!.value)
            .filter(\.$tier == tier!.rawValue).first()
        if taken != nil { throw Problem.conflict(checks.message("th_err_taken"), field: "/categoryCode") }
        let row = LeaderMatter()
        row.divisionCode = division!.value
        row.categoryCode = code
        row.tier = tier!.rawValue
        row.leaderID = try leader!.requireID()
        row.leaderName = leader!.displayName
        row.note = note
        row.assignedOn = today.description
        row.createdBy = principal.username
        row.createdAt = req.lianxin.now()
        let (actor, ip, requestID, now) = (req.auditActor, req.clientIP, req.id, req.lianxin.now())
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await row.create(on: db)
                try await AuditLog.record(
                    .leaderMatterAssigned, result: .success, actor: actor, target: row.id?.uuidString, recordDivision: row.divisionCode,
                    ip: ip, requestID: requestID, detail: "\(row.tier) \(row.categoryCode) \(row.leaderName)", at: now, on: db)
            }
        }
        return row
    }

    func addTask(_ matter: LeaderMatter, _ input: TaskInput) async throws -> LeaderMatterTask {
        let (description, unit, deadline) = try await LeaderDutyLookup.task(
            description: input.description, maxLength: 200, unit: input.ownerUnitId, deadline: input.deadline,
            division: matter.divisionCode, today: today, principal, req)
        let row = LeaderMatterTask()
        row.matterID = try matter.requireID()
        row.divisionCode = matter.divisionCode
        row.description = description
        row.ownerUnitID = try unit.requireID()
        row.deadline = deadline.description
        row.status = ThreeHighs.TaskStatus.open.rawValue
        row.createdBy = principal.username
        row.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return row
    }

    func finish(_ task: LeaderMatterTask) async throws {
        guard task.status == ThreeHighs.TaskStatus.open.rawValue else {
            throw Problem.conflict(InputValidator(req).message("ld_err_not_now"), field: "/action")
        }
        task.status = ThreeHighs.TaskStatus.done.rawValue
        task.doneOn = today.description
        try await req.lianxin.writes.run { try await task.save(on: req.db) }
    }
}
