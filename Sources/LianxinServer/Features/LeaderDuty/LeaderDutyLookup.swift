import Fluent
import Foundation
import LianxinCore
import Vapor

/// Finding what a leaders-on-duty request names: each record, leader, division and unit is looked up against the
/// caller's scope, and one outside it is answered like a missing one (404, audited).
enum LeaderDutyLookup {
    static func session(_ raw: String?, _ principal: Principal, _ req: Request) async throws -> DutySession {
        guard let id = raw.flatMap(UUID.init(uuidString:)), let row = try await DutySession.find(id, on: req.db) else {
            throw Problem.notFound("session")
        }
        guard principal.canSee(divisionCode: row.divisionCode) else { throw await req.outOfScope("session", target: id.uuidString) }
        return row
    }

    static func problem(_ raw: String?, _ principal: Principal, _ req: Request) async throws -> DutyProblem {
        guard let id = raw.flatMap(UUID.init(uuidString:)), let row = try await DutyProblem.find(id, on: req.db) else {
            throw Problem.notFound("problem")
        }
        guard principal.canSee(divisionCode: row.divisionCode) else { throw await req.outOfScope("problem", target: id.uuidString) }
        // A unit's staff see only their own unit's tasks.
        if principal.role.requiresDepartment, principal.departmentID != row.ownerUnitID {
            throw await req.outOfScope("problem", target: id.uuidString)
        }
        return row
    }

    static func matter(_ raw: String?, _ principal: Principal, _ req: Request) async throws -> LeaderMatter {
        guard let id = raw.flatMap(UUID.init(uuidString:)), let row = try await LeaderMatter.find(id, on: req.db) else {
            throw Problem.notFound("matter")
        }
        guard principal.canSee(divisionCode: row.divisionCode) else { throw await req.outOfScope("matter", target: id.uuidString) }
        return row
    }

    static func matterTask(_ raw: String?, _ principal: Principal, _ req: Request) async throws -> LeaderMatterTask {
        guard let id = raw.flatMap(UUID.init(uuidString:)), let row = try await LeaderMatterTask.find(id, on: req.db) else {
            throw Problem.notFound("task")
        }
        guard principal.canSee(divisionCode: row.divisionCode) else { throw await req.outOfScope("task", target: id.uuidString) }
        return row
    }

    /// What a rectification task names, checked together: its description, its unit (one that serves `division`,
    /// picked) and its deadline (within `LeaderDuty.deadlineDaysAhead` of today); every problem named beside its field.
    static func task(
        description text: String?, maxLength: Int, unit raw: String?, deadline: String?, division: String, today: LocalDate,
        _ principal: Principal, _ req: Request
    ) async throws -> (description: String, unit: Department, deadline: LocalDate) {
        var checks = InputValidator(req)
        let description = checks.text(text, "/description", 4...maxLength)
        var unit: Department?
        if let raw, !raw.isEmpty { unit = try await Self.unit(raw, division: division, principal, req) }
        if unit == nil { checks.fail("/ownerUnitId", key: "ld_err_unit") }
        let day = LocalDate(iso: deadline ?? "")
        let range = LeaderDuty.deadlineDaysAhead
        if day == nil || day! < today.adding(days: range.lowerBound) || day! > today.adding(days: range.upperBound) {
            checks.fail("/deadline", key: "ld_err_deadline")
        }
        try checks.finish()
        return (description, unit!, day!)
    }

    /// A division in the caller's subtree, or 404.
    static func division(_ raw: String, _ principal: Principal, _ req: Request) async throws -> DivisionCode {
        guard let code = DivisionCode(raw), try await Division.find(raw, on: req.db) != nil else { throw Problem.notFound("division") }
        guard principal.canSee(code) else { throw await req.outOfScope("division", target: "division:\(raw)") }
        return code
    }

    /// Whether `user` is a leader the caller may name: an active leader account on one line of the tree with the
    /// caller's division (a community's staff name their county's leaders, never another county's).
    static func isLeader(_ user: User, for principal: Principal) -> Bool {
        guard user.role == .leader, user.active, let division = DivisionCode(user.divisionCode) else { return false }
        return division.isRelated(to: principal.division)
    }

    /// The leader account `raw` names, or 404.
    static func leader(_ raw: String, _ principal: Principal, _ req: Request) async throws -> User {
        guard let id = UUID(uuidString: raw), let user = try await User.find(id, on: req.db) else { throw Problem.notFound("leader") }
        guard isLeader(user, for: principal) else { throw await req.outOfScope("leader", target: "user:\(raw)") }
        return user
    }

    /// The leaders to pick from, by division then name.
    static func leaders(_ principal: Principal, on db: any Database) async throws -> [User] {
        try await User.query(on: db).filter(\.$role == .leader).filter(\.$active == true).all()
            .filter { isLeader($0, for: principal) }.sorted { ($0.divisionCode, $0.displayName) < ($1.divisionCode, $1.displayName) }
    }

    /// The unit `raw` names for work in `division`, or 404 (`DepartmentLookup.mayServe`).
    static func unit(_ raw: String, division: String, _ principal: Principal, _ req: Request) async throws -> Department {
        guard let id = UUID(uuidString: raw), let unit = try await Department.find(id, on: req.db) else { throw Problem.notFound("unit") }
        guard let code = DivisionCode(division), DepartmentLookup.mayServe(unit, division: code, for: principal) else {
            throw await req.outOfScope("unit", target: "unit:\(raw)")
        }
        return unit
    }
}
