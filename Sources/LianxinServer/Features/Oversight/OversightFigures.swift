import Fluent
import Foundation
import LianxinCore
import Vapor

/// Names of the divisions one level below `root` that `codes` fall in, for the "by division" tables.
struct DivisionGrouping {
    let root: DivisionCode
    let names: [String: String]

    static func load(_ req: Request, root: DivisionCode) async throws -> DivisionGrouping {
        let rows = try await Division.query(on: req.db).within(\.$id, root).all()
        return DivisionGrouping(root: root, names: Dictionary(rows.compactMap { row in row.id.map { ($0, row.name) } }) { a, _ in a })
    }

    /// The code of the division one level below the root holding `code` (the root itself at village level).
    func group(_ code: String) -> String {
        let next = [2, 4, 6, 9, 12].first { $0 > root.value.count } ?? root.value.count
        return String(code.prefix(next))
    }

    func name(_ code: String) -> String { names[code] ?? code }
}

/// 监督一点通 as a county leader reads it: counts only — by state, by month, by division — never a word of a report.
struct ConductFigures: Content {
    struct Line: Content {
        var label: String
        var count: Int
    }

    struct DivisionLine: Content {
        var name: String
        var received: Int
        var open: Int
        var concluded: Int
        var substantiated: Int
        var firstTime: Int
    }

    struct MonthLine: Content {
        var month: String
        var received: Int
        var concluded: Int
        /// The month's reports as a share of the busiest month's (0–100), for the trend bar.
        var bar: Int
    }

    var total: Int
    var open: Int
    var concluded: Int
    /// Concluded as substantiated or partly substantiated.
    var substantiated: Int
    /// 初信初访: reports raised for the first time.
    var firstTime: Int
    var byStatus: [Line]
    var byMonth: [MonthLine]
    var byDivision: [DivisionLine]

    static func load(_ req: Request, principal: Principal) async throws -> ConductFigures {
        let rows = try await ConductReport.query(on: req.db).within(\.$divisionCode, principal.division).all()
        let grouping = try await DivisionGrouping.load(req, root: principal.division)
        let today = LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone)
        let zone = ResidentIDNumber.chinaTimeZone
        func month(_ date: Date) -> String { String(LocalDate(date, in: zone).description.prefix(7)) }
        let isSubstantiated = { (row: ConductReport) in row.finding == "substantiated" || row.finding == "partly" }
        let isOpen = { (row: ConductReport) in Oversight.isOpen(Oversight.ReportStatus(rawValue: row.status) ?? .received) }
        var months = Oversight.months(endingWith: today, count: 6).map { key in
            MonthLine(
                month: key, received: rows.filter { month($0.createdAt) == key }.count,
                concluded: rows.filter { $0.closedAt.map(month) == key && $0.status == "concluded" }.count, bar: 0)
        }
        let busiest = max(months.map(\.received).max() ?? 0, 1)
        for index in months.indices { months[index].bar = months[index].received * 100 / busiest }
        let divisions = Dictionary(grouping: rows) { grouping.group($0.divisionCode) }.sorted { $0.key < $1.key }.map { code, own in
            DivisionLine(
                name: grouping.name(code), received: own.count, open: own.filter(isOpen).count,
                concluded: own.filter { $0.status == "concluded" }.count, substantiated: own.filter(isSubstantiated).count,
                firstTime: own.filter(\.firstTime).count)
        }
        return ConductFigures(
            total: rows.count, open: rows.filter(isOpen).count, concluded: rows.filter { $0.status == "concluded" }.count,
            substantiated: rows.filter(isSubstantiated).count, firstTime: rows.filter(\.firstTime).count,
            byStatus: Oversight.ReportStatus.allCases.map { status in
                Line(label: req.t("ov_status_\(status.rawValue)"), count: rows.filter { $0.status == status.rawValue }.count)
            }, byMonth: months, byDivision: divisions)
    }
}

/// 巡察移交 at a glance: handed over, open, overdue, rectified and on time, by township and by month; and the
/// handovers themselves for the group and the townships.
struct HandoverFigures: Content {
    struct DivisionLine: Content {
        var name: String
        var handed: Int
        var open: Int
        var overdue: Int
        var rectified: Int
        /// Whole percent rectified on time of those rectified; "—" when none yet.
        var onTime: String
    }

    struct MonthLine: Content {
        var month: String
        var handed: Int
        var rectified: Int
        var bar: Int
    }

    struct HandoverLine: Content {
        var id: String
        var place: String
        var group: String
        var title: String
        var problem: String
        var foundOn: String
        var deadline: String
        var status: String
        var statusCode: String
        var overdue: Bool
        var reply: String
        var proof: String
        var repliedBy: String
        var repliedOn: String
        var returnReason: String
        var returns: Int
    }

    var handed: Int
    var open: Int
    var overdue: Int
    var rectified: Int
    var onTime: String
    var byDivision: [DivisionLine]
    var byMonth: [MonthLine]
    var handovers: [HandoverLine]

    static func onTimeText(_ rows: [InspectionHandover]) -> String {
        let done = rows.filter { $0.status == "rectified" }
        let onTime = done.filter { row in
            Oversight.isOnTime(
                lastReply: row.repliedOn.flatMap { LocalDate(iso: $0) }, deadline: LocalDate(iso: row.deadline) ?? LocalDate(daysSinceEpoch: 0))
        }
        return Oversight.percent(onTime.count, of: done.count).map { "\($0)%" } ?? "—"
    }

    static func load(_ req: Request, principal: Principal) async throws -> HandoverFigures {
        let rows = try await InspectionHandover.query(on: req.db).within(\.$divisionCode, principal.division).sort(\.$deadline).all()
        let grouping = try await DivisionGrouping.load(req, root: principal.division)
        let today = LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone)
        let overdue = { (row: InspectionHandover) in
            Oversight.isOverdue(
                status: Oversight.HandoverStatus(rawValue: row.status) ?? .handedOver, deadline: LocalDate(iso: row.deadline) ?? today, today: today)
        }
        let open = { (row: InspectionHandover) in row.status != "rectified" }
        let divisions = Dictionary(grouping: rows) { grouping.group($0.divisionCode) }.sorted { $0.key < $1.key }.map { code, own in
            DivisionLine(
                name: grouping.name(code), handed: own.count, open: own.filter(open).count, overdue: own.filter(overdue).count,
                rectified: own.filter { $0.status == "rectified" }.count, onTime: onTimeText(own))
        }
        var months = Oversight.months(endingWith: today, count: 6).map { key in
            MonthLine(
                month: key, handed: rows.filter { $0.foundOn.hasPrefix(key) }.count,
                rectified: rows.filter { $0.rectifiedOn?.hasPrefix(key) == true }.count, bar: 0)
        }
        let busiest = max(months.map(\.handed).max() ?? 0, 1)
        for index in months.indices { months[index].bar = months[index].handed * 100 / busiest }
        let lines = rows.sorted { (open($0) ? 0 : 1, $0.deadline) < (open($1) ? 0 : 1, $1.deadline) }.prefix(200).map { row in
            HandoverLine(
                id: row.id?.uuidString ?? "", place: grouping.names[row.divisionCode] ?? row.divisionCode, group: row.groupName, title: row.title,
                problem: row.problem, foundOn: row.foundOn, deadline: row.deadline, status: req.t("ov_ho_status_\(row.status)"),
                statusCode: row.status, overdue: overdue(row), reply: row.reply ?? "", proof: row.proof ?? "", repliedBy: row.repliedBy ?? "",
                repliedOn: row.repliedOn ?? "", returnReason: row.returnReason ?? "", returns: row.returns)
        }
        return HandoverFigures(
            handed: rows.count, open: rows.filter(open).count, overdue: rows.filter(overdue).count,
            rectified: rows.filter { $0.status == "rectified" }.count, onTime: onTimeText(rows), byDivision: divisions, byMonth: months,
            handovers: Array(lines))
    }
}
