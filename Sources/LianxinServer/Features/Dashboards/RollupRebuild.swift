import Vapor
import Fluent
import SQLKit
import LianxinCore

/// Recomputes the rollup tables from the work-order events: every order's fact is replayed from its history
/// (`OrderFact.from(events:…)`), and the rows are the sums of the facts (`RollupTable(facts:)`). The result equals
/// what keeping up event by event produced; a test proves it on a randomized history.
enum RollupRebuild {
    struct Report: Sendable {
        var orders = 0
        var rows = 0
        var summaryRows = 0
    }

    /// Replaces the facts, the rows and the summary in one transaction.
    static func run(app: Application) async throws -> Report {
        let context = app.lianxin
        let calendar = try await ReferenceData.loadCalendar(on: app.db, restDayReceipt: context.settings.restDayReceipt)
        return try await context.writes.run {
            try await app.db.transaction { db in
                let sql = db.sql
                var policies: [String: SLAPolicy] = [:]
                var report = Report()
                try await sql.delete(from: RollupStore.factsTable).run()
                try await sql.delete(from: RollupStore.rowsTable).run()
                var table = RollupTable()
                var after: UUID?
                while true {
                    var query = WorkOrder.query(on: db).sort(\.$id).limit(500)
                    if let after { query = query.filter(\.$id > after) }
                    let orders = try await query.all()
                    guard let last = orders.last else { break }
                    after = try last.requireID()
                    let events = try await WorkOrderEventRecord.query(on: db)
                        .filter(\.$orderID ~~ orders.map { try $0.requireID() }).all()
                    let byOrder = Dictionary(grouping: events, by: \.orderID)
                    var facts: [OrderFact] = []
                    for order in orders {
                        let history = (byOrder[try order.requireID()] ?? []).sorted { $0.sequence < $1.sequence }
                        guard !history.isEmpty else { continue }
                        if policies[order.slaPolicyCode] == nil {
                            policies[order.slaPolicyCode] = try await ReferenceData.policy(order.slaPolicyCode, context.referenceCache, on: db)
                        }
                        let fact = try OrderFact.from(
                            events: history.map(WorkOrderService.decodeEvent), dimensions: RollupStore.dimensions(of: order),
                            policy: policies[order.slaPolicyCode]!, in: calendar)
                        facts.append(fact)
                        table.apply(RollupCounters.delta(from: nil, to: fact))
                    }
                    try await RollupStore.save(facts, replacing: false, on: sql)
                    report.orders += facts.count
                }
                try await RollupStore.insert(table.rows, on: sql)
                report.rows = table.rows.count
                report.summaryRows = try await RollupSummaryStore.replace(from: table.rows, on: sql)
                return report
            }
        }
    }
}

/// `lianxin rollups rebuild`: recomputes the dashboard rollups from the work-order events.
struct RollupsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "rebuild, or bench") var action: String
        @Option(name: "orders", help: "bench: synthetic orders to generate (default 1000000)") var orders: Int?
        @Option(name: "csv", help: "bench: where to write the orders as CSV for an independent engine") var csv: String?
        @Option(name: "repeat", help: "bench: timed runs of each query (median printed; default 11)") var repeats: Int?
        @Flag(name: "reuse", help: "bench: time over the rows an earlier run loaded, without generating them") var reuse: Bool
    }

    var help: String {
        "Dashboard rollups: `rebuild` recomputes them from the work-order events (after a bulk import or a repair); `bench` replaces them with synthetic orders and times the dashboard and ranking queries (benchmark databases only)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        if signature.action == "bench" {
            let bench = RollupBench(
                app: app, orders: max(1, signature.orders ?? 1_000_000), csvPath: signature.csv ?? "rollup-bench.csv",
                repeats: max(1, signature.repeats ?? 11), reuse: signature.reuse)
            return try await bench.run(console: context.console)
        }
        guard signature.action == "rebuild" else { throw CommandFailure("unknown action \(signature.action); use: rollups rebuild | rollups bench") }
        try await prepareDatabase(app)
        let started = Date()
        let report = try await RollupRebuild.run(app: app)
        context.console.print(
            "rebuilt rollups of \(report.orders) orders into \(report.rows) rows and \(report.summaryRows) summary rows in \(String(format: "%.1f", Date().timeIntervalSince(started))) s"
        )
    }
}
