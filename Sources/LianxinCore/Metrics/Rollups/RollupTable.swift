/// Rollup rows in memory, keyed like the database table: the reference the server's table must equal,
/// whether kept up event by event (`apply`) or rebuilt from facts (`init(facts:)`).
public struct RollupTable: Sendable, Hashable {
    /// The rows; a row whose counts all return to zero is removed.
    public private(set) var rows: [RollupKey: RollupCounters]

    /// An empty table.
    public init() {
        rows = [:]
    }

    /// The table rebuilt from the facts of every order.
    public init(facts: some Sequence<OrderFact>) {
        self.init()
        for fact in facts { apply(RollupCounters.delta(from: nil, to: fact)) }
    }

    /// Adds one event's changes (`RollupCounters.delta`).
    public mutating func apply(_ delta: [RollupKey: RollupCounters]) {
        for (key, change) in delta {
            let sum = (rows[key] ?? .zero) + change
            rows[key] = sum.isZero ? nil : sum
        }
    }

    /// The counters of every row `filter` selects, added up.
    public func total(matching filter: RollupFilter = RollupFilter()) -> RollupCounters {
        rows.reduce(into: RollupCounters()) { sum, row in
            if filter.matches(row.key) { sum += row.value }
        }
    }

    /// The counters of the rows `filter` selects, added up per unit; rows `unit` maps to nil are left out.
    public func totals<Unit: Hashable>(
        matching filter: RollupFilter = RollupFilter(), by unit: (RollupKey) -> Unit?
    ) -> [Unit: RollupCounters] {
        rows.reduce(into: [:]) { totals, row in
            guard filter.matches(row.key), let unit = unit(row.key) else { return }
            totals[unit, default: .zero] += row.value
        }
    }
}
