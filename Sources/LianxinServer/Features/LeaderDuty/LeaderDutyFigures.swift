import Fluent
import Foundation
import LianxinCore
import Vapor

/// What a county leader reads about 我陪群众走流程 at a glance: this year's sessions, services accompanied, problems,
/// the share rectified and the overdue tasks, by division and by month; the latest sessions and the tasks still open.
struct LeaderDutyFigures: Content {
    struct DivisionLine: Content {
        var name: String
        var sessions: Int
        var services: Int
        var problems: Int
        var rectified: String
        var overdue: Int
    }

    struct MonthLine: Content {
        var month: String
        var sessions: Int
        var services: Int
        var problems: Int
    }

    struct SessionLine: Content {
        var id: String
        var heldOn: String
        var leader: String
        var division: String
        var hall: String
        var matter: String
        var role: String
        var services: Int
        var problems: Int
    }

    struct TaskLine: Content {
        var id: String
        var found: String
        var description: String
        var unit: String
        var deadline: String
        var status: String
        var statusCode: String
        var overdue: Bool
        var rectification: String
    }

    var year: Int
    var sessions: Int
    var services: Int
    var asApplicant: Int
    var asStaff: Int
    var problems: Int
    var rectified: String
    var overdue: Int
    var divisions: [DivisionLine]
    var months: [MonthLine]
    var recent: [SessionLine]
    var tasks: [TaskLine]

    static func load(_ req: Request, principal: Principal) async throws -> LeaderDutyFigures {
        let today = LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone)
        let year = String(today.year)
        let sessions = try await DutySession.query(on: req.db).within(\.$divisionCode, principal.division).sort(\.$heldOn, .descending).all()
        let problems = try await DutyProblem.query(on: req.db).within(\.$divisionCode, principal.division).all()
        let thisYear = sessions.filter { $0.heldOn.hasPrefix(year) }
        let yearIDs = Set(thisYear.compactMap(\.id))
        let yearProblems = problems.filter { yearIDs.contains($0.sessionID) }
        let names = try await LeaderDutyNames.divisions(req, principal)
        let done: (DutyProblem) -> Bool = { $0.status != LeaderDuty.TaskStatus.open.rawValue }
        let late: (DutyProblem) -> Bool = { row in
            LeaderDuty.isOverdue(
                LeaderDuty.TaskStatus(rawValue: row.status) ?? .open, deadline: LocalDate(iso: row.deadline) ?? today, today: today)
        }
        let percent = { (all: [DutyProblem]) in
            LeaderDuty.rectifiedPercent(problems: all.count, rectified: all.filter(done).count).map { "\($0)%" } ?? "—"
        }
        let group = { (code: String) in LeaderDutyNames.group(code, under: principal.division) }
        let divisions = Set(thisYear.map { group($0.divisionCode) }).sorted().map { key in
            let own = thisYear.filter { group($0.divisionCode) == key }
            let found = yearProblems.filter { group($0.divisionCode) == key }
            return DivisionLine(
                name: names[key] ?? key, sessions: own.count, services: own.reduce(0) { $0 + $1.services }, problems: found.count,
                rectified: percent(found), overdue: found.filter(late).count)
        }
        let sessionMonth = Dictionary(
            sessions.compactMap { row in row.id.map { ($0, String(row.heldOn.prefix(7))) } }, uniquingKeysWith: { a, _ in a })
        let months = LeaderDutyNames.lastMonths(6, from: today).map { month in
            let own = sessions.filter { $0.heldOn.hasPrefix(month) }
            return MonthLine(
                month: month, sessions: own.count, services: own.reduce(0) { $0 + $1.services },
                problems: problems.filter { sessionMonth[$0.sessionID] == month }.count)
        }
        let counts = Dictionary(grouping: problems, by: \.sessionID).mapValues(\.count)
        let recent = sessions.prefix(20).map { row in
            SessionLine(
                id: row.id?.uuidString ?? "", heldOn: row.heldOn, leader: row.leaderName, division: names[row.divisionCode] ?? row.divisionCode,
                hall: row.hall, matter: row.matter, role: req.t("ld_role_\(row.role)"), services: row.services, problems: counts[row.id!] ?? 0)
        }
        let byID = Dictionary(sessions.compactMap { row in row.id.map { ($0, row) } }, uniquingKeysWith: { a, _ in a })
        let units = try await LeaderDutyNames.units(problems.map(\.ownerUnitID), req)
        let shown = problems.filter { $0.status != LeaderDuty.TaskStatus.confirmed.rawValue }
            .filter { !principal.role.requiresDepartment || $0.ownerUnitID == principal.departmentID }
            .sorted { ($0.deadline, $0.createdAt) < ($1.deadline, $1.createdAt) }.prefix(100)
        let tasks = shown.map { row in
            TaskLine(
                id: row.id?.uuidString ?? "", found: byID[row.sessionID].map { "\($0.heldOn) \($0.hall)" } ?? "", description: row.description,
                unit: units[row.ownerUnitID] ?? "", deadline: row.deadline, status: req.t("ld_status_\(row.status)"), statusCode: row.status,
                overdue: late(row), rectification: row.rectification ?? "")
        }
        return LeaderDutyFigures(
            year: today.year, sessions: thisYear.count, services: thisYear.reduce(0) { $0 + $1.services },
            asApplicant: thisYear.filter { $0.role == LeaderDuty.SessionRole.asApplicant.rawValue }.count,
            asStaff: thisYear.filter { $0.role == LeaderDuty.SessionRole.asStaff.rawValue }.count, problems: yearProblems.count,
            rectified: percent(yearProblems), overdue: problems.filter(late).count, divisions: divisions, months: months,
            recent: Array(recent), tasks: Array(tasks))
    }
}

/// Names and groupings shared by the leaders-on-duty figures.
enum LeaderDutyNames {
    /// Division names in the principal's subtree and above it (for the leaders' own divisions).
    static func divisions(_ req: Request, _ principal: Principal) async throws -> [String: String] {
        let lineage = principal.division.lineage.map(\.value)
        let rows =
            try await Division.query(on: req.db).within(\.$id, principal.division).all()
            + (try await Division.query(on: req.db).filter(\.$id ~~ lineage).all())
        return Dictionary(rows.compactMap { row in row.id.map { ($0, row.name) } }, uniquingKeysWith: { a, _ in a })
    }

    static func units(_ ids: [UUID], _ req: Request) async throws -> [UUID: String] {
        let rows = try await Department.query(on: req.db).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(rows.compactMap { row in row.id.map { ($0, row.name) } }, uniquingKeysWith: { a, _ in a })
    }

    /// The division one level below `top` that holds `code` (a county's leader reads by township), or `code` itself.
    static func group(_ code: String, under top: DivisionCode) -> String {
        guard let below = DivisionLevel.allCases.first(where: { $0.parent == top.level }), code.count > below.codeLength else { return code }
        return String(code.prefix(below.codeLength))
    }

    /// The `count` months up to `today`'s, oldest first, as `YYYY-MM`.
    static func lastMonths(_ count: Int, from today: LocalDate) -> [String] {
        let (year, month, _) = today.components
        return (0..<count).reversed().map { back in
            let index = year * 12 + (month - 1) - back
            return String(format: "%04d-%02d", index / 12, index % 12 + 1)
        }
    }
}
