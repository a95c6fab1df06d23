import Vapor
import Fluent
import SQLKit
import LianxinCore

/// `lianxin rollups bench`: fills the rollup tables in bulk with `orders` synthetic orders of the demo city (over the
/// last 400 days; each category routed to one unit): the fine rows, the summary rows above them and the facts of the
/// orders still open; writes the same orders one per line to a CSV for an independent engine, then times the city/month dashboard, the all-communities/quarter ranking and the city/month dashboard of one channel through `DashboardService`
/// and prints their figures as JSON for comparison. Rollups are generated directly, not from events: the benchmark
/// measures how fast dashboards read, not how fast events are written (tests prove the two ways give equal rows).
struct RollupBench {
    let app: Application
    let orders: Int
    let csvPath: String
    let repeats: Int
    /// Time over the rows already loaded instead of generating them.
    var reuse = false

    /// The per-order columns of the CSV, in order after the key columns.
    static let csvCounts = [
        "received", "cancelled", "merged", "dispatched", "closed", "evaluated", "satisfied",
        "basically_satisfied", "solved", "reopened", "completed_once", "extended", "sign_started",
        "sign_met", "complete_stopped", "complete_met",
    ]

    /// What a run loaded (or found, with `reuse`).
    struct Loaded {
        let rows: Int
        let summaryRows: Int
        let openOrders: Int
    }

    func run(console: any Console) async throws {
        try await prepareDatabase(app)
        let loaded: Loaded
        if reuse {
            // Time again over the rows an earlier run loaded (after a change to the read path).
            let sql = app.db.sql
            func count(_ table: String) async throws -> Int {
                try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self) ?? 0
            }
            loaded = Loaded(
                rows: try await count(RollupStore.rowsTable), summaryRows: try await count(RollupSummaryStore.table),
                openOrders: try await count(RollupStore.factsTable))
            console.print("reusing \(loaded.rows) rollup rows and \(loaded.summaryRows) summary rows loaded earlier")
        } else {
            loaded = try await load(console: console)
        }
        try await time(loaded, console: console)
    }

    private func load(console: any Console) async throws -> Loaded {
        _ = try await DemoSeeder(application: app).run()
        let db = app.db
        let sql = db.sql
        let communities = try await Division.query(on: db).filter(\.$level == "community").within(\.$id, DivisionCode("3611")!)
            .sort(\.$id).all().compactMap(\.id)
        let units = try await Department.query(on: db).sort(\.$code).all().compactMap(\.id)
        let categories = ["0101", "0102", "0201", "0301", "0401", "0501", "0601", "0701", "0801", "0901"]
        let channels: [LianxinCore.Channel] = [.hotline, .hotline, .miniProgram, .gridPatrol]
        let kinds: [RequestKind] = [.complaint, .assistance, .inquiry]
        let today = LocalDate(app.lianxin.now(), in: WorkCalendar.shanghai)
        var random = SplitMix(state: 20_261_126)
        let started = Date()
        var table: [RollupKey: RollupCounters] = [:]
        // Open orders as fact rows (the 超期未办 count reads them); a closed order's fact has no deadline and is
        // outside the partial index that count uses, so the benchmark leaves closed orders' facts out.
        var openFacts: [[any SQLExpression]] = []
        FileManager.default.createFile(atPath: csvPath, contents: nil)
        guard let csv = FileHandle(forWritingAtPath: csvPath) else { throw CommandFailure("cannot write \(csvPath)") }
        defer { try? csv.close() }
        csv.write(Data((RollupStore.keyColumns + Self.csvCounts + ["overdue_after"]).joined(separator: ",").appending("\n").utf8))
        var buffer = ""
        for index in 0..<orders {
            let day = today.adding(days: -Int(random.next() % 400))
            let community = communities[Int(random.next() % UInt64(communities.count))]
            let c = Int(random.next() % UInt64(categories.count))
            let code = DivisionCode(community)!.lineage
            func at(_ level: DivisionLevel) -> String? { code.first { $0.level == level }?.value }
            let key = RollupKey(
                day: day, divisions: OrderDivisions(city: at(.city), county: at(.county), township: at(.township), community: community),
                departmentID: units[c % units.count], categoryCode: categories[c],
                channel: channels[Int(random.next() % UInt64(channels.count))], requestKind: kinds[c % kinds.count])
            let age = today.daysSinceEpoch - day.daysSinceEpoch
            let counters = Self.synthetic(&random, age: age)
            table[key, default: .zero] += counters
            var deadline = ""
            if counters.open == 1 {
                let created = WorkCalendar.china.instant(on: day, minute: 480 + Int(random.next() % 600)).timeIntervalSince1970
                deadline = String(Int(created) + 5 * 86_400)
                openFacts.append(
                    [SQLBind(UUID())] + RollupStore.keyValues(key).map { SQLBind($0) }
                        + [SQLBind(Double(deadline)!), SQLBind(created), SQLBind("{}")])
            }
            let values = [
                counters.received, counters.cancelled, counters.merged, counters.dispatched, counters.closed,
                counters.evaluated, counters.satisfied, counters.basicallySatisfied, counters.solved, counters.reopened,
                counters.completedOnce, counters.extended, counters[.sign].started, counters[.sign].met,
                counters[.complete].stopped, counters[.complete].met,
            ]
            buffer += (RollupStore.keyValues(key) + values.map(String.init) + [deadline]).joined(separator: ",") + "\n"
            if index % 10_000 == 9_999 { csv.write(Data(buffer.utf8)); buffer = "" }
        }
        csv.write(Data(buffer.utf8))
        let generated = Date()
        let rows = table, facts = openFacts
        let summaryRows = try await app.lianxin.writes.run {
            try await db.transaction { db in
                let sql = db.sql
                try await sql.delete(from: RollupStore.rowsTable).run()
                try await sql.delete(from: RollupStore.factsTable).run()
                try await RollupStore.insert(rows, on: sql)
                for chunk in facts.chunked(1_000) {
                    try await sql.insertRows(into: RollupStore.factsTable, columns: RollupStore.factColumns, chunk)
                }
                return try await RollupSummaryStore.replace(from: rows, on: sql)
            }
        }
        for table in [RollupStore.rowsTable, RollupStore.factsTable, RollupSummaryStore.table] {
            try await sql.raw(sql.dialect.name == "sqlite" ? "ANALYZE \(ident: table)" : "VACUUM ANALYZE \(ident: table)").run()
        }
        console.print(
            "generated \(orders) orders (\(openFacts.count) open) into \(table.count) rollup rows and \(summaryRows) summary rows in \(String(format: "%.1f", generated.timeIntervalSince(started))) s, loaded in \(String(format: "%.1f", Date().timeIntervalSince(generated))) s"
        )
        return Loaded(rows: table.count, summaryRows: summaryRows, openOrders: openFacts.count)
    }

    private func time(_ loaded: Loaded, console: any Console) async throws {
        let db = app.db
        let today = LocalDate(app.lianxin.now(), in: WorkCalendar.shanghai)

        let principal = Principal(
            userID: UUID(), username: "bench", displayName: "bench", role: .leader,
            division: DivisionCode("3611")!, departmentID: nil, sessionID: nil, csrfToken: nil)
        let month = Period.containing(today.adding(days: -30), kind: .month)!
        let quarter = Period.containing(today.adding(days: -100), kind: .quarter)!
        let service = DashboardService(db: db, context: app.lianxin, english: false)
        // The same dashboard filtered to one channel (随手拍, the mini-program): a cut the summary holds for totals,
        // the trend and the split by county, while its splits by unit, category and kind add up fine rows.
        var filteredCut = RollupCut(period: month, division: principal.division)
        filteredCut.channels = [.miniProgram]
        var dashboardTimes: [Double] = [], rankingTimes: [Double] = [], filteredTimes: [Double] = []
        var dashboard: DashboardDTO?, filtered: DashboardDTO?
        var ranking: RankingDTO?
        for _ in 0..<repeats {
            let t0 = Date()
            dashboard = try await service.dashboard(
                DashboardRequest(principal: principal, cut: RollupCut(period: month, division: principal.division), division: principal.division),
                scheme: .threeRates)
            let t1 = Date()
            ranking = try await service.ranking(
                level: "community",
                request: DashboardRequest(
                    principal: principal, cut: RollupCut(period: quarter, division: principal.division), division: principal.division),
                scheme: .threeRates)
            let t2 = Date()
            filtered = try await service.dashboard(
                DashboardRequest(principal: principal, cut: filteredCut, division: principal.division), scheme: .threeRates)
            dashboardTimes.append(t1.timeIntervalSince(t0) * 1000)
            rankingTimes.append(t2.timeIntervalSince(t1) * 1000)
            filteredTimes.append(Date().timeIntervalSince(t2) * 1000)
        }
        /// The counts DuckDB recomputes: the plain measures and the two stages it checks.
        func counts(_ dto: DashboardDTO?) -> [String: Int] {
            dto.map { $0.measures.filter { !$0.key.contains(".") || $0.key.hasPrefix("sign.") || $0.key.hasPrefix("complete.") } } ?? [:]
        }
        func indicators(_ dto: DashboardDTO?) -> [String: Double] {
            Dictionary(dto?.indicators.compactMap { figure in figure.value.map { (figure.id, $0) } } ?? [], uniquingKeysWith: { a, _ in a })
        }
        let result = BenchResult(
            orders: orders, rows: loaded.rows, summaryRows: loaded.summaryRows, openOrders: loaded.openOrders,
            overdueOpen: dashboard?.overdueOpen ?? 0, now: Int(app.lianxin.now().timeIntervalSince1970), month: month.description,
            monthFirst: month.first.description, monthLast: month.last.description,
            quarter: quarter.description, quarterFirst: quarter.first.description, quarterLast: quarter.last.description,
            dashboardMedianMs: dashboardTimes.sorted()[repeats / 2], rankingMedianMs: rankingTimes.sorted()[repeats / 2],
            filteredMedianMs: filteredTimes.sorted()[repeats / 2],
            dashboard: counts(dashboard), indicators: indicators(dashboard),
            filtered: counts(filtered), filteredIndicators: indicators(filtered), filteredOverdueOpen: filtered?.overdueOpen ?? 0,
            ranking: ranking?.rows.map { BenchRankingRow(code: $0.code, score: $0.score, orders: $0.orders, rank: $0.rank) } ?? [])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        console.print("RESULT " + String(decoding: try encoder.encode(result), as: UTF8.self))
    }

    /// One order's counts, shaped like a city's hotline: most dispatched, signed and closed, a few cancelled, merged,
    /// late, reopened or extended; an order `age` days old is more likely still open the younger it is.
    static func synthetic(_ random: inout SplitMix, age: Int) -> RollupCounters {
        var c = RollupCounters()
        c.received = 1
        let roll = random.next() % 1000
        if roll < 20 { c.cancelled = 1; return c }
        if roll < 50 { c.merged = 1; return c }
        c.dispatched = 1
        var sign = StageCounters(started: 1)
        if random.next() % 100 < 97 { sign.stopped = 1; sign.met = random.next() % 100 < 93 ? 1 : 0; sign.seconds = 300 }
        c[.sign] = sign
        let completed = random.next() % 1000 < (age > 30 ? 998 : age > 7 ? 900 : 500)
        var complete = StageCounters(started: 1)
        if completed { complete.stopped = 1; complete.met = random.next() % 100 < 95 ? 1 : 0; complete.seconds = 86_400 }
        c[.complete] = complete
        c.completed = completed ? 1 : 0
        c.completedOnce = completed ? 1 : 0
        c.open = completed ? 0 : 1
        c.reopened = completed && random.next() % 100 < 4 ? 1 : 0
        c.extended = random.next() % 100 < 6 ? 1 : 0
        if completed && random.next() % 100 < 85 {
            c.evaluated = 1
            let verdict = random.next() % 100
            if verdict < 80 { c.satisfied = 1 } else if verdict < 95 { c.basicallySatisfied = 1 } else { c.dissatisfied = 1 }
            c.solved = verdict < 92 ? 1 : 0
        }
        if completed {
            c.closed = random.next() % 1000 < (age > 14 ? 998 : 700) ? 1 : 0
            c.open = 1 - c.closed
        }
        return c
    }
}

struct BenchRankingRow: Codable {
    let code: String
    let score: Double?
    let orders: Int
    let rank: Int?
}

struct BenchResult: Codable {
    let orders: Int
    let rows: Int
    let summaryRows: Int
    let openOrders: Int
    let overdueOpen: Int
    let now: Int
    let month: String
    let monthFirst: String
    let monthLast: String
    let quarter: String
    let quarterFirst: String
    let quarterLast: String
    let dashboardMedianMs: Double
    let rankingMedianMs: Double
    /// The city/month dashboard of one channel (the mini-program).
    let filteredMedianMs: Double
    let dashboard: [String: Int]
    let indicators: [String: Double]
    let filtered: [String: Int]
    let filteredIndicators: [String: Double]
    let filteredOverdueOpen: Int
    let ranking: [BenchRankingRow]
}

/// A small seeded generator (SplitMix64), so a benchmark run can be repeated exactly.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
