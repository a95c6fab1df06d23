import Vapor
import Fluent
import LianxinCore

/// The county's points rules and scheme as data (积分细则, 积分办法), set by the branch secretary role within their
/// division; each change is audited.
struct PartyRules {
    let req: Request
    let principal: Principal

    func createRule(_ input: PartyRuleInput) async throws -> PartyPointsRuleRecord {
        var checks = InputValidator(req)
        let dimension: PartyPointsDimension? = checks.choice(input.dimension, "/dimension")
        let label = checks.text(input.label, "/label", 2...60)
        let division = try await checks.division(input.divisionCode, principal, on: req.db)
        let points = input.points ?? 0, cap = input.yearlyCap ?? 0
        do { try PartyPointsRule.check(points: points, yearlyCap: cap) } catch { checks.fail(error.field, error.description) }
        try checks.finish()
        guard let dimension else { throw Problem.invalid(field: "/dimension", checks.message("validation_choice")) }
        let row = PartyPointsRuleRecord()
        row.divisionCode = division.value
        row.dimension = dimension.rawValue
        row.label = label
        row.points = points
        row.yearlyCap = cap
        row.createdAt = req.lianxin.now()
        try await write(row, detail: "rule \(dimension.rawValue) \(points)") { db in try await row.create(on: db) }
        return row
    }

    func setScheme(_ input: PartySchemeInput) async throws -> PartyPointsScheme {
        var checks = InputValidator(req)
        let division = try await checks.division(input.divisionCode, principal, on: req.db)
        var scheme: PartyPointsScheme?
        do {
            scheme = try PartyPointsScheme(
                basePoints: input.basePoints ?? -1, dimensionCap: input.dimensionCap ?? 0, starThresholds: input.starThresholds ?? [])
        } catch { checks.fail(error.field, error.description) }
        try checks.finish()
        guard let scheme else { throw Problem.invalid(field: "/basePoints", PartyPointsScheme.Refusal.basePoints.description) }
        let row = try await PartyPointsSchemeRecord.find(division.value, on: req.db) ?? PartyPointsSchemeRecord()
        let exists = row.id != nil
        row.id = division.value
        row.basePoints = scheme.basePoints
        row.dimensionCap = scheme.dimensionCap
        row.thresholds = scheme.starThresholds.map(String.init).joined(separator: ",")
        row.updatedAt = req.lianxin.now()
        try await write(row, detail: "scheme \(scheme.basePoints)/\(scheme.dimensionCap)/\(row.thresholds)") { db in
            if exists { try await row.update(on: db) } else { try await row.create(on: db) }
        }
        return scheme
    }

    private func write<M: Model>(_ row: M, detail: String, _ change: @escaping @Sendable (any Database) async throws -> Void) async throws {
        let actor = req.auditActor, ip = req.clientIP, requestID = req.id, now = req.lianxin.now(), division = principal.division.value
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await change(db)
                try await AuditLog.record(
                    .partyRulesChanged, result: .success, actor: actor, target: M.schema, recordDivision: division, ip: ip,
                    requestID: requestID, detail: detail, at: now, on: db)
            }
        }
    }
}
