/// Percentiles by the nearest-rank method: the p-th percentile of n values is the value of rank ⌈p × n⌉ in
/// ascending order (rank 1 is the smallest). It is always one of the values, never interpolated: p90 of 10 values
/// is the 9th, of 11 values the 10th, of 5 values the 5th.
public enum NearestRank {
    /// The 1-based rank of `percentile` (0 < p ≤ 1) among `count` values; nil when there are none or p is out of range.
    ///
    /// p × n is taken as a whole number when it is one up to rounding (0.55 × 100 is 55, not 55.00000000000001),
    /// so binary fractions do not push the rank one too high.
    public static func rank(of percentile: Double, in count: Int) -> Int? {
        guard count > 0, percentile > 0, percentile <= 1 else { return nil }
        let exact = percentile * Double(count)
        let nearest = exact.rounded()
        let rank = abs(exact - nearest) <= 1e-9 * nearest ? nearest : exact.rounded(.up)
        return min(count, max(1, Int(rank)))
    }

    /// The nearest-rank `percentile` of `values`; nil when there are none.
    public static func percentile<Value: Comparable>(_ percentile: Double, of values: [Value]) -> Value? {
        guard let rank = rank(of: percentile, in: values.count) else { return nil }
        return values.sorted()[rank - 1]
    }
}
