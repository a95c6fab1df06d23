/// An indicator that is a share of orders: some orders count below the line, some of those above it.
/// The figure comes from rollup counters; the two predicates list the orders behind it (drill-down) and
/// select exactly the orders the counters counted.
public protocol OrderRatioIndicator: Sendable {
    /// The indicator's names and formula as configured.
    var definition: IndicatorDefinition { get }
    /// Whether the order is counted below the line.
    func denominatorIncludes(_ fact: OrderFact) -> Bool
    /// Whether the order is counted above the line (with a weight, for weighted numerators).
    func numeratorIncludes(_ fact: OrderFact) -> Bool
    /// The figure from the counters of a cut.
    func value(of counters: RollupCounters) -> IndicatorValue
}

extension OrderRatioIndicator {
    /// The figure over the orders of `facts`, the same as over their rollup counters.
    public func value(of facts: some Sequence<OrderFact>) -> IndicatorValue {
        value(of: RollupCounters(facts))
    }
}

extension Double {
    /// The number as a formula shows it: `0.9`, and `10` rather than `10.0`.
    var formulaText: String {
        rounded() == self && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
