import Vapor
import Fluent
import SQLKit
import LianxinCore

/// The summary table (`order_rollup_summary`): the fine rollup rows added up per day, month, quarter and year for
/// each city, county, township and community, in total and per unit, category, channel and request kind
/// (`RollupSummary` says which). It is kept in the same transaction as the fine rows (`RollupStore.apply`) and
/// rebuilt with them, so a city's month is one row and the ranking of all communities for a quarter one row each.
enum RollupSummaryStore {
    static let table = "order_rollup_summary"

    /// The key columns, in the order of the unique index, which also serves reads by level, dimension and bucket.
    static let keyColumns = ["level", "dimension", "grain", "bucket", "node", "value"]

    static func keyValues(_ key: SummaryKey) -> [String] {
        [key.level.rawValue, key.dimension.rawValue, key.grain.rawValue, key.bucket.description, key.node, key.value]
    }

    static func key(of row: any SQLRow) throws -> SummaryKey {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        guard let level = DivisionLevel(rawValue: try text("level")), let dimension = SummaryDimension(rawValue: try text("dimension")),
            let grain = SummaryGrain(rawValue: try text("grain")), let bucket = LocalDate(iso: try text("bucket"))
        else {
            throw Abort(.internalServerError, reason: "unreadable rollup summary key")
        }
        return SummaryKey(grain: grain, bucket: bucket, level: level, node: try text("node"), dimension: dimension, value: try text("value"))
    }

    // MARK: Writing

    /// Adds the summary changes of fine-row changes (`RollupStore.upsert`: keys in one order, so that concurrent
    /// transactions lock rows in the same order).
    static func apply(_ fine: [RollupKey: RollupCounters], on sql: any SQLDatabase) async throws {
        let delta = RollupSummary.delta(of: fine).map { (keyValues($0.key), RollupStore.values(of: $0.value)) }
        try await RollupStore.upsert(into: table, keyColumns: keyColumns, delta, on: sql)
    }

    /// Replaces the summary with the sums of `fine` rows (rebuilds, the migration that adds the table, bulk loads).
    static func replace(from fine: [RollupKey: RollupCounters], on sql: any SQLDatabase) async throws -> Int {
        try await sql.delete(from: table).run()
        let rows = RollupSummary.delta(of: fine)
        try await RollupStore.insertRows(into: table, keyColumns: keyColumns, rows.map { (keyValues($0.key), $0.value) }, on: sql)
        return rows.count
    }

    /// Every non-zero summary row as stored.
    static func rows(on sql: any SQLDatabase) async throws -> [SummaryKey: RollupCounters] {
        var rows: [SummaryKey: RollupCounters] = [:]
        for row in try await sql.raw("SELECT * FROM \(ident: table)").all() {
            let counters = try RollupStore.counters(of: row)
            if !counters.isZero { rows[try key(of: row)] = counters }
        }
        return rows
    }

    // MARK: Reading

    /// The summary dimension that a split by the fine rows' `column` reads.
    static func dimension(splitting column: String) -> SummaryDimension? {
        switch column {
        case "department_id": .department
        case "category_code": .category
        case "channel": .channel
        case "request_kind": .requestKind
        default: nil
        }
    }

    /// The summary's answer to `totals(cut, by: column)` of the fine rows (`nil` column: the cut's total under
    /// ''), or nil when the summary does not hold it: a cut with a grid or filtered on two dimensions (units and
    /// channels, say), a split by grid, a split of a filtered cut by another dimension, or a split by dimension (or a
    /// filtered trend) over days the summary keeps only by month for this level. A cut filtered on one dimension
    /// (units, a category subtree, channels or kinds) reads that dimension's rows, keeping the values it selects.
    static func totals(
        _ cut: RollupCut, by column: String?, histograms: Bool = true,
        on sql: any SQLDatabase
    ) async throws -> [String: RollupCounters]? {
        guard let division = cut.division, cut.grid == nil else { return nil }
        var filters: [(dimension: SummaryDimension, values: SQLQueryString)] = []
        if let ids = cut.departmentIDs { filters.append((.department, RollupCut.among("value", ids.map(\.uuidString)))) }
        if let prefix = cut.categoryPrefix { filters.append((.category, "value LIKE \(bind: prefix + "%")")) }
        if let channels = cut.channels { filters.append((.channel, RollupCut.among("value", channels.map(\.rawValue)))) }
        if let kinds = cut.requestKinds { filters.append((.requestKind, RollupCut.among("value", kinds.map(\.rawValue)))) }
        guard filters.count <= 1 else { return nil }
        let filter = filters.first
        let selected: SQLQueryString = filter.map { " AND \($0.values)" } ?? ""
        // A province is the sum of its cities.
        let level = max(division.level, .city)
        let exact = division.level == level
        var node: SQLQueryString = exact ? "node = \(bind: division.value)" : DivisionScope.sql("node", within: division)
        var rowLevel = level
        var dimension = filter?.dimension ?? .total
        var unit = "''"  // the cut's total: one row, no grouping
        switch column {
        case nil: break
        case "day":
            guard RollupSummary.stores(.day, dimension, at: level) else { return nil }
            let rows = try await sql.raw(
                """
                SELECT bucket AS unit, \(unsafeRaw: DashboardQueries.sums(histograms: histograms)) FROM \(ident: table)
                WHERE level = \(bind: level.rawValue) AND dimension = \(bind: dimension.rawValue) AND grain = 'D' AND \(node)\(selected)
                AND bucket >= \(bind: cut.period.first.description) AND bucket <= \(bind: cut.period.last.description)
                GROUP BY bucket
                """
            ).all()
            return try DashboardQueries.byUnit(rows, histograms: histograms)
        case let column?:
            if let split = Self.dimension(splitting: column) {
                // A filtered cut split by another dimension needs both at once, which only the fine rows hold.
                guard filter == nil || filter?.dimension == split else { return nil }
                dimension = split
                unit = "value"
                break
            }
            guard let child = DivisionLevel.allCases.first(where: { RollupCut.column(of: $0) == column && $0 != .province }),
                child > division.level, RollupSummary.levels.contains(child)
            else { return nil }
            rowLevel = child
            node = DivisionScope.sql("node", within: division)
            unit = "node"
        }
        guard let buckets = RollupSummary.buckets(covering: cut.period, dimension, at: rowLevel) else { return nil }
        let spans: [SQLQueryString] = Dictionary(grouping: buckets, by: \.grain).map { grain, buckets in
            "(grain = \(bind: grain.rawValue) AND bucket IN (\(binds: buckets.map(\.first.description))))"
        }
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: unit) AS unit, \(unsafeRaw: DashboardQueries.sums(histograms: histograms)) FROM \(ident: table)
            WHERE level = \(bind: rowLevel.rawValue) AND dimension = \(bind: dimension.rawValue) AND \(node)\(selected)
            AND (\(spans.joined(separator: " OR ")))\(unsafeRaw: unit == "''" ? "" : " GROUP BY \(unit)")
            """
        ).all()
        var totals = try DashboardQueries.byUnit(rows, histograms: histograms)
        // Orders placed no lower than the division itself are its remainder, as the fine rows list them under ''.
        if rowLevel != level, let whole = try await self.totals(cut, by: nil, histograms: histograms, on: sql)?[""] {
            let rest = totals.values.reduce(whole, -)
            if !rest.isZero { totals[""] = rest }
        }
        return totals
    }
}
