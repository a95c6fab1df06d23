import Vapor
import Fluent
import LianxinCore

/// Versions in the approved grid changes whose effective day has come: the `grids.apply-changes`
/// job and the county's approval (for a change effective today) call it.
enum GridChangeApplier {
    /// Beijing time, in which effective days are counted.
    static let beijing = WorkCalendar.shanghai

    /// Applies every approved change due by today and returns how many took effect. A change that
    /// no longer fits the grids in force is marked failed with the reason.
    @discardableResult
    static func applyDue(_ app: Application) async throws -> Int {
        let today = LocalDate(app.lianxin.now(), in: beijing)
        var applied = 0
        for change in try await GridQueries.approvedChanges(dueBy: today, on: app.db) {
            let actor = AuditActor(id: change.decidedBy, name: "grid-change:\(change.id!)", role: nil, division: change.divisionCode)
            var succeeded = true
            do {
                _ = try await GridImporter(app: app).importGeoJSON(
                    Data(change.grids.utf8), coordinates: .wgs84, replace: false,
                    retiring: Set(change.retiringCodes), within: DivisionCode(change.divisionCode), actor: actor)
                change.appliedAt = app.lianxin.now()
                applied += 1
            } catch let problem as Problem {
                succeeded = false
                change.failure = ([problem.detail] + problem.errors.map { "\($0.field): \($0.message)" }).joined(separator: "\n")
            }
            let state = GridChangeState(status: .approved, round: change.round)
            change.status = try GridChangeMachine.apply(.apply(succeeded: succeeded), to: state, by: .system).status.rawValue
            change.updatedAt = app.lianxin.now()
            try await app.lianxin.writes.run { try await change.update(on: app.db) }
        }
        return applied
    }
}
