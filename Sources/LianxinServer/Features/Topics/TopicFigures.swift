import Fluent
import LianxinCore
import Vapor

/// What a topic's page shows: requests of its class (its category and sub-categories, in its division) month by
/// month — the three months before, its own month and every month after up to now — with the change of the monthly
/// average, the latest of those requests, and its tasks with their units and whether they are late.
struct TopicFigures: Encodable, Sendable {
    struct MonthCount: Encodable, Sendable {
        let month: String
        let count: Int
        let phase: String
        /// The bar's height in percent of the highest month, and where it starts from the top.
        let height: Int
        let top: Int
    }

    struct TaskLine: Encodable, Sendable {
        let id: String
        let description: String
        let unit: String
        let ownerUnitID: String
        let deadline: String
        let status: String
        let open: Bool
        let overdue: Bool
        let doneNote: String
        let doneOn: String
    }

    struct OrderLine: Encodable, Sendable {
        let id: String
        let number: String
        let title: String
        let created: String
    }

    let months: [MonthCount]
    let before: Double
    let after: Double?
    /// The change of the monthly average after the topic's month against before it, e.g. "−40%"; empty until a
    /// month after has passed.
    let change: String
    let falling: Bool
    let tasks: [TaskLine]
    let orders: [OrderLine]

    static func load(_ topic: MonthlyTopicRecord, _ req: Request) async throws -> TopicFigures {
        let today = LocalDate(req.lianxin.now(), in: WorkCalendar.shanghai)
        guard let own = Period(topic.month), let division = DivisionCode(topic.divisionCode) else { throw Problem.notFound("topic") }
        let (before, after) = MonthlyTopic.months(of: own, today: today)
        let all = before + [own] + after
        // One count per month rather than every order in memory: a county's class can hold many thousands.
        let ofClass = { WorkOrder.query(on: req.db).within(\.$divisionCode, division).filter(\.$categoryCode =~ topic.categoryCode) }
        var counts: [Int] = []
        for period in all { counts.append(try await ofClass().filter(\.$createdAt >= period.start).filter(\.$createdAt < period.end).count()) }
        let highest = max(counts.max() ?? 0, 1)
        let months = zip(all, counts).map { period, count in
            MonthCount(
                month: period.description, count: count,
                phase: period == own ? "own" : (period.first < own.first ? "before" : "after"), height: count * 100 / highest,
                top: 100 - count * 100 / highest)
        }
        let beforeCounts = Array(counts.prefix(before.count)), afterCounts = Array(counts.suffix(after.count))
        let change = MonthlyTopic.change(before: beforeCounts, after: afterCounts)
        let tasks = try await TopicTask.query(on: req.db).filter(\.$topicID == topic.requireID()).sort(\.$deadline).all()
        let units = Dictionary(
            try await Department.query(on: req.db).filter(\.$id ~~ tasks.map(\.ownerUnitID)).all().compactMap { unit in
                unit.id.map { ($0, unit.name) }
            },
            uniquingKeysWith: { a, _ in a })
        let lines = tasks.map { task in
            let status = MonthlyTopic.TaskStatus(rawValue: task.status) ?? .open
            return TaskLine(
                id: task.id?.uuidString ?? "", description: task.description, unit: units[task.ownerUnitID] ?? "",
                ownerUnitID: task.ownerUnitID.uuidString, deadline: task.deadline, status: req.t("topic_task_\(task.status)"),
                open: status == .open,
                overdue: MonthlyTopic.overdue(status: status, deadline: LocalDate(iso: task.deadline) ?? today, today: today),
                doneNote: task.doneNote ?? "", doneOn: task.doneOn ?? "")
        }
        let latest = try await ofClass().filter(\.$createdAt >= own.start).sort(\.$createdAt, .descending).limit(20).all().map {
            OrderLine(id: $0.id?.uuidString ?? "", number: $0.number, title: $0.title, created: WorkbenchLookup.beijing($0.createdAt))
        }
        let average = { (values: [Int]) in values.isEmpty ? 0 : Double(values.reduce(0, +)) / Double(values.count) }
        return TopicFigures(
            months: months, before: average(beforeCounts), after: afterCounts.isEmpty ? nil : average(afterCounts),
            change: change.map { String(format: "%@%.1f%%", $0 > 0 ? "+" : ($0 < 0 ? "−" : ""), abs($0)) } ?? "",
            falling: (change ?? 0) < 0, tasks: lines, orders: latest)
    }
}
