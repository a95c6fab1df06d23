import Vapor
import Fluent
import SQLKit
import LianxinCore

/// A cut of the rollups: a period and, optionally, a division (or grid), units, a category subtree, channels and
/// request kinds. The same cut selects rollup rows (figures) and facts (the orders behind them).
struct RollupCut: Sendable, Hashable {
    var period: Period
    var division: DivisionCode?
    var grid: String?
    var departmentIDs: [UUID]?
    /// A category code; its subtree counts (codes starting with it).
    var categoryPrefix: String?
    var channels: [LianxinCore.Channel]?
    var requestKinds: [RequestKind]?
    /// Whether the cut ignores its period: overdue open orders are a count at an instant (`DueStatus`), the same
    /// whatever day they were filed, so the dashboard agrees with 督办 and the order list.
    var anyDay = false

    /// The same cut over another period.
    func over(_ period: Period) -> RollupCut {
        var cut = self
        cut.period = period
        return cut
    }

    /// The column holding codes of `level` in both tables.
    static func column(of level: DivisionLevel) -> String {
        switch level {
        case .province, .city: "city"
        case .county: "county"
        case .township: "township"
        case .community: "community"
        }
    }

    /// The WHERE clause, shared by the rows and the facts tables.
    var condition: SQLQueryString {
        var parts: [SQLQueryString] =
            anyDay ? ["1 = 1"] : ["day >= \(bind: period.first.description) AND day <= \(bind: period.last.description)"]
        if let division {
            if division.level == .province {
                parts.append(DivisionScope.sql("city", within: division))
            } else {
                parts.append("\(ident: Self.column(of: division.level)) = \(bind: division.value)")
            }
        }
        if let grid { parts.append("grid = \(bind: grid)") }
        if let departmentIDs { parts.append(Self.among("department_id", departmentIDs.map(\.uuidString))) }
        if let categoryPrefix { parts.append("category_code LIKE \(bind: categoryPrefix + "%")") }
        if let channels { parts.append(Self.among("channel", channels.map(\.rawValue))) }
        if let requestKinds { parts.append(Self.among("request_kind", requestKinds.map(\.rawValue))) }
        return parts.joined(separator: " AND ")
    }

    static func among(_ column: String, _ values: [String]) -> SQLQueryString {
        values.isEmpty ? "1 = 0" : "\(ident: column) IN (\(binds: values))"
    }
}

/// Reads figures from the rollup rows and orders from the facts; dashboards never scan the order table.
enum DashboardQueries {
    /// The counter columns a read adds up, by position in `RollupStore.counterColumns`: all of them, or all but the
    /// stage-time histograms, which only percentiles need. On PostgreSQL planning a sum of 186 columns takes longer
    /// than running it, so splits and trends, which show no percentile, leave the 140 histogram columns out.
    static func positions(histograms: Bool) -> [Int] { histograms ? allPositions : histogramFreePositions }
    private static let allPositions = Array(RollupStore.counters.indices)
    private static let histogramFreePositions = RollupStore.counters.indices.filter {
        if case .stage(_, .bucket) = RollupStore.counters[$0].counter { false } else { true }
    }

    /// The sums of those columns in one text column (`sums`, comma-separated): one value to read per row instead of
    /// up to two hundred looked up by name, on both engines.
    static func sums(histograms: Bool = true) -> String { histograms ? allSums : histogramFreeSums }
    private static let allSums = sumExpression(allPositions)
    private static let histogramFreeSums = sumExpression(histogramFreePositions)
    private static func sumExpression(_ positions: [Int]) -> String {
        positions.map { "CAST(COALESCE(CAST(SUM(\(RollupStore.counterColumns[$0])) AS BIGINT), 0) AS TEXT)" }
            .joined(separator: " || ',' || ") + " AS sums"
    }

    private static func counters(of row: any SQLRow, histograms: Bool = true) throws -> RollupCounters {
        let text = try row.decode(column: "sums", as: String?.self) ?? ""
        let positions = positions(histograms: histograms)
        let values = text.split(separator: ",").map { Int($0) ?? 0 }
        guard values.count == positions.count else { return .zero }
        var all = Array(repeating: 0, count: RollupStore.counterColumns.count)
        for (position, value) in zip(positions, values) { all[position] = value }
        return RollupStore.counters(from: all)
    }

    /// Rows of `unit` and `sums`, keyed by unit.
    static func byUnit(_ rows: [any SQLRow], histograms: Bool = true) throws -> [String: RollupCounters] {
        var totals: [String: RollupCounters] = [:]
        for row in rows { totals[try row.decode(column: "unit", as: String?.self) ?? ""] = try counters(of: row, histograms: histograms) }
        return totals
    }

    /// The counters of the cut, added up: from the summary rows where they hold the cut, else from the fine rows
    /// (always from the fine rows when `fine`, which tests use to compare both).
    static func total(_ cut: RollupCut, fine: Bool = false, on db: any Database) async throws -> RollupCounters {
        let sql = db.sql
        if !fine, let totals = try await RollupSummaryStore.totals(cut, by: nil, on: sql) { return totals[""] ?? .zero }
        let row = try await sql.raw("SELECT \(unsafeRaw: sums()) FROM \(ident: RollupStore.rowsTable) WHERE \(cut.condition)").first()
        return try row.map { try Self.counters(of: $0) } ?? .zero
    }

    /// The counters of the cut added up per value of `column` (a key column such as `community` or `day`), from the
    /// summary rows where they hold it; without the stage-time histograms unless `histograms`.
    static func totals(
        _ cut: RollupCut, by column: String, histograms: Bool = true, fine: Bool = false,
        on db: any Database
    ) async throws -> [String: RollupCounters] {
        precondition(RollupStore.keyColumns.contains(column))
        let sql = db.sql
        if !fine, let totals = try await RollupSummaryStore.totals(cut, by: column, histograms: histograms, on: sql) { return totals }
        let rows = try await sql.raw(
            """
            SELECT \(ident: column) AS unit, \(unsafeRaw: sums(histograms: histograms)) FROM \(ident: RollupStore.rowsTable)
            WHERE \(cut.condition) GROUP BY \(ident: column)
            """
        ).all()
        return try byUnit(rows, histograms: histograms)
    }

    /// Open orders past a deadline now (超期未办), in the cut's place, units, categories, channels and kinds,
    /// whenever they were filed.
    static func overdueOpen(_ cut: RollupCut, now: Date, on db: any Database) async throws -> Int {
        var cut = cut
        cut.anyDay = true
        let sql = db.sql
        let row = try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM \(ident: RollupStore.factsTable)
            WHERE \(cut.condition) AND overdue_after IS NOT NULL AND overdue_after < \(bind: now.timeIntervalSince1970)
            """
        ).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// One order behind a figure.
    struct Listed: Sendable {
        let fact: OrderFact
        let createdAt: Double
    }

    /// The facts of the cut that `includes` selects, newest first, read in pages so memory stays bounded by
    /// `limit`; `after` is the (created, id) of the last order of the previous page. Returns up to `limit` orders.
    static func facts(
        _ cut: RollupCut, overdueAt: Date? = nil, after: (Double, UUID)?, limit: Int, on db: any Database,
        where includes: (OrderFact) -> Bool
    ) async throws -> [Listed] {
        let sql = db.sql
        var cut = cut
        if overdueAt != nil { cut.anyDay = true }
        var found: [Listed] = []
        var cursor = after
        let batch = 1_000
        while found.count < limit {
            var query: SQLQueryString = "SELECT created_at, order_id, fact FROM \(ident: RollupStore.factsTable) WHERE \(cut.condition)"
            if let overdueAt {
                query += " AND overdue_after IS NOT NULL AND overdue_after < \(bind: overdueAt.timeIntervalSince1970)"
            }
            if let (created, id) = cursor {
                query += " AND (created_at < \(bind: created) OR (created_at = \(bind: created) AND order_id < \(bind: id)))"
            }
            query += " ORDER BY created_at DESC, order_id DESC LIMIT \(literal: batch)"
            let rows = try await sql.raw(query).all()
            for row in rows {
                let fact = try RollupStore.decodeFact(row.decode(column: "fact", as: String.self))
                let created = try row.decode(column: "created_at", as: Double.self)
                cursor = (created, fact.orderID)
                if includes(fact) {
                    found.append(Listed(fact: fact, createdAt: created))
                    if found.count == limit { return found }
                }
            }
            if rows.count < batch { break }
        }
        return found
    }

    /// How many facts of the cut `includes` selects.
    static func count(
        _ cut: RollupCut, overdueAt: Date? = nil, on db: any Database,
        where includes: @escaping (OrderFact) -> Bool
    ) async throws -> Int {
        var total = 0
        var after: (Double, UUID)?
        while true {
            let page = try await facts(cut, overdueAt: overdueAt, after: after, limit: 5_000, on: db, where: includes)
            total += page.count
            guard page.count == 5_000, let last = page.last else { return total }
            after = (last.createdAt, last.fact.orderID)
        }
    }

    /// The work orders with the given ids, by id (the rows behind a drill-down page).
    static func orders(_ ids: [UUID], on db: any Database) async throws -> [UUID: WorkOrder] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await WorkOrder.query(on: db).filter(\.$id ~~ ids).all()
        return Dictionary(rows.compactMap { row in row.id.map { ($0, row) } }, uniquingKeysWith: { a, _ in a })
    }
}
