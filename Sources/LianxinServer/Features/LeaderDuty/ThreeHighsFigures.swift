import Fluent
import Foundation
import LianxinCore
import Vapor

/// What a leader reads about 三高包保 at a glance: each matter with its owner, its orders month by month (the last
/// six, Beijing time) and their trend, the orders open and overdue now, the tasks the leader set; the totals by tier
/// and by division.
struct ThreeHighsFigures: Content {
    struct TaskLine: Content {
        var id: String
        var description: String
        var unit: String
        var deadline: String
        var status: String
        var open: Bool
        var overdue: Bool
    }

    struct MonthCount: Content {
        var month: String
        var count: Int
    }

    struct MatterLine: Content {
        var id: String
        var leader: String
        var tier: String
        var tierCode: String
        var category: String
        var division: String
        var note: String
        var months: [MonthCount]
        var thisMonth: Int
        var trend: String
        var trendCode: String
        var open: Int
        var overdue: Int
        var tasks: [TaskLine]
    }

    struct SumLine: Content {
        var name: String
        var matters: Int
        var thisMonth: Int
        var open: Int
        var overdue: Int
    }

    var months: [String]
    var matters: [MatterLine]
    var tiers: [SumLine]
    var divisions: [SumLine]

    static func load(_ req: Request, principal: Principal) async throws -> ThreeHighsFigures {
        let now = req.lianxin.now()
        let today = LocalDate(now, in: ResidentIDNumber.chinaTimeZone)
        let months = LeaderDutyNames.lastMonths(6, from: today)
        let first = LocalDate(iso: months[0] + "-01")!
        let since = WorkCalendar.china.instant(on: first, minute: 0)
        let rows = try await LeaderMatter.query(on: req.db).within(\.$divisionCode, principal.division).sort(\.$tier).sort(\.$createdAt).all()
        let tasks = try await LeaderMatterTask.query(on: req.db).filter(\.$matterID ~~ rows.compactMap(\.id)).sort(\.$deadline).all()
        let names = try await LeaderDutyNames.divisions(req, principal)
        let units = try await LeaderDutyNames.units(tasks.map(\.ownerUnitID), req)
        let categories = Dictionary(
            try await Category.query(on: req.db).filter(\.$id ~~ rows.map(\.categoryCode)).all().compactMap { row in row.id.map { ($0, row.name) } },
            uniquingKeysWith: { a, _ in a })
        let open = WorkOrderStatus.allCases.filter(\.isOpen).map(\.rawValue)
        let length = LocalDate(iso: months[5] + "-01")!.adding(days: 31).monthStart.daysSinceEpoch - LocalDate(iso: months[5] + "-01")!.daysSinceEpoch
        var lines: [MatterLine] = []
        for row in rows {
            guard let division = DivisionCode(row.divisionCode) else { continue }
            let recent = try await WorkOrder.query(on: req.db).within(\.$divisionCode, division).filter(\.$categoryCode =~ row.categoryCode)
                .filter(\.$createdAt >= since).all()
            let live = try await WorkOrder.query(on: req.db).within(\.$divisionCode, division).filter(\.$categoryCode =~ row.categoryCode)
                .filter(\.$status ~~ open).all()
            let byMonth = Dictionary(grouping: recent) { String(LocalDate($0.createdAt, in: ResidentIDNumber.chinaTimeZone).description.prefix(7)) }
            let counts = months.map { byMonth[$0]?.count ?? 0 }
            let trend = ThreeHighs.trend(monthly: counts, elapsed: today.components.day, length: length)
            let own = tasks.filter { $0.matterID == row.id }.map { task in
                let isOpen = task.status == ThreeHighs.TaskStatus.open.rawValue
                return TaskLine(
                    id: task.id?.uuidString ?? "", description: task.description, unit: units[task.ownerUnitID] ?? "", deadline: task.deadline,
                    status: req.t("th_task_\(task.status)"), open: isOpen, overdue: isOpen && today > (LocalDate(iso: task.deadline) ?? today))
            }
            lines.append(
                MatterLine(
                    id: row.id?.uuidString ?? "", leader: row.leaderName, tier: req.t("th_tier_\(row.tier)"), tierCode: row.tier,
                    category: categories[row.categoryCode] ?? row.categoryCode, division: names[row.divisionCode] ?? row.divisionCode,
                    note: row.note ?? "", months: zip(months, counts).map { MonthCount(month: $0, count: $1) }, thisMonth: counts.last ?? 0,
                    trend: req.t("th_trend_\(trend.rawValue)"),
                    trendCode: trend.rawValue, open: live.count,
                    overdue: live.filter { DueStatus.at(now, overdueAfter: $0.overdueAfter) == .overdue }.count, tasks: own))
        }
        let sum = { (name: String, own: [MatterLine]) in
            SumLine(
                name: name, matters: own.count, thisMonth: own.reduce(0) { $0 + $1.thisMonth }, open: own.reduce(0) { $0 + $1.open },
                overdue: own.reduce(0) { $0 + $1.overdue })
        }
        let tiers = ThreeHighs.Tier.allCases.map { tier in sum(req.t("th_tier_\(tier.rawValue)"), lines.filter { $0.tierCode == tier.rawValue }) }
        let divisions = Set(rows.map(\.divisionCode)).sorted().map { code in
            sum(names[code] ?? code, lines.filter { $0.division == (names[code] ?? code) })
        }
        let order = ThreeHighs.Tier.allCases.map(\.rawValue)
        lines.sort { (order.firstIndex(of: $0.tierCode) ?? 0) < (order.firstIndex(of: $1.tierCode) ?? 0) }
        return ThreeHighsFigures(months: months, matters: lines, tiers: tiers, divisions: divisions)
    }
}

extension LocalDate {
    /// The first day of this day's month.
    fileprivate var monthStart: LocalDate { adding(days: 1 - components.day) }
}
