/// The span of days a summary row adds up: a day, a calendar month, quarter or year.
public enum SummaryGrain: String, Sendable, Hashable, CaseIterable, Codable {
    case day = "D", month = "M", quarter = "Q", year = "Y"

    var periodKind: PeriodKind {
        switch self {
        case .day: .day
        case .month: .month
        case .quarter: .quarter
        case .year: .year
        }
    }

    /// The bucket of this grain that holds `day`.
    public func bucket(holding day: LocalDate) -> Period {
        guard let period = Period.containing(day, kind: periodKind) else { preconditionFailure("every grain has buckets") }
        return period
    }

    /// The bucket of this grain that starts on `day`, if one does and ends by `last`.
    func bucket(startingOn day: LocalDate, endingBy last: LocalDate) -> Period? {
        let period = bucket(holding: day)
        return period.first == day && period.last <= last ? period : nil
    }
}

/// What a summary row splits its division's orders by: nothing (the division's total), the unit, the leaf
/// category, the channel or the request kind.
public enum SummaryDimension: String, Sendable, Hashable, CaseIterable, Codable {
    case total = "", department, category, channel, requestKind = "kind"

    /// The value of a fine row under this dimension, as stored ('' for an order not dispatched).
    func value(of key: RollupKey) -> String {
        switch self {
        case .total: ""
        case .department: key.departmentID?.uuidString ?? ""
        case .category: key.categoryCode
        case .channel: key.channel.rawValue
        case .requestKind: key.requestKind.rawValue
        }
    }
}

/// One row of the summary table: the orders created in one bucket (a day, month, quarter or year) in one division
/// (city, county, township or community), in total or with one value of one dimension. Dashboards of whole
/// divisions read a few of these rows instead of adding up thousands of fine rows (`RollupKey`); a row is the sum
/// of the fine rows it covers, so both always agree (`RollupSummary.keys(of:)`).
///
/// Which rows exist (`RollupSummary.stores`): totals at every grain and level; the other dimensions by month at
/// every level and by day for cities and counties, so that a city's week is still read from days. Grids and
/// filtered cuts are read from the fine rows, which for a community or one unit are few.
public struct SummaryKey: Sendable, Hashable, Codable {
    public let grain: SummaryGrain
    /// The first day of the bucket.
    public let bucket: LocalDate
    public let level: DivisionLevel
    /// The division code at `level`.
    public let node: String
    public let dimension: SummaryDimension
    /// The dimension's value; '' for totals.
    public let value: String

    public init(
        grain: SummaryGrain, bucket: LocalDate, level: DivisionLevel, node: String, dimension: SummaryDimension,
        value: String
    ) {
        self.grain = grain
        self.bucket = bucket
        self.level = level
        self.node = node
        self.dimension = dimension
        self.value = value
    }
}

/// Which summary rows exist, how a fine row maps onto them, and how a period is read from them.
public enum RollupSummary {
    /// The levels summary rows are kept for; provinces are sums of their cities.
    public static let levels: [DivisionLevel] = [.city, .county, .township, .community]

    /// Whether summary rows of `grain` are kept for `dimension` at `level`.
    public static func stores(_ grain: SummaryGrain, _ dimension: SummaryDimension, at level: DivisionLevel) -> Bool {
        guard levels.contains(level) else { return false }
        switch (grain, dimension) {
        case (_, .total), (.month, _): return true
        case (.day, _): return level <= .county
        case (.quarter, _), (.year, _): return false
        }
    }

    /// The summary rows the fine row `key` is counted in.
    public static func keys(of key: RollupKey) -> [SummaryKey] {
        var keys: [SummaryKey] = []
        let buckets = SummaryGrain.allCases.map { ($0, $0.bucket(holding: key.day).first) }
        for level in levels {
            guard let node = key.divisions.code(at: level), !node.isEmpty else { continue }
            for dimension in SummaryDimension.allCases {
                for (grain, first) in buckets where stores(grain, dimension, at: level) {
                    keys.append(
                        SummaryKey(
                            grain: grain, bucket: first, level: level, node: node, dimension: dimension,
                            value: dimension.value(of: key)))
                }
            }
        }
        return keys
    }

    /// The summary rows' changes from fine rows' changes (or the summary rows from fine rows); rows whose change
    /// adds up to zero are left out.
    public static func delta(of fine: [RollupKey: RollupCounters]) -> [SummaryKey: RollupCounters] {
        var delta: [SummaryKey: RollupCounters] = [:]
        for (key, change) in fine {
            for summary in keys(of: key) { delta[summary, default: .zero] += change }
        }
        return delta.filter { !$0.value.isZero }
    }

    /// The buckets that together cover `period` exactly once, largest first where the rows exist (a year, then
    /// quarters, months, days), for `dimension` at `level`; nil when some day cannot be read from summary rows
    /// (the fine rows must answer).
    public static func buckets(
        covering period: Period, _ dimension: SummaryDimension,
        at level: DivisionLevel
    ) -> [(grain: SummaryGrain, first: LocalDate)]? {
        let grains = SummaryGrain.allCases.reversed().filter { stores($0, dimension, at: level) }
        var buckets: [(grain: SummaryGrain, first: LocalDate)] = []
        var day = period.first
        while day <= period.last {
            guard
                let (grain, bucket) = grains.lazy.compactMap({ grain in
                    grain.bucket(startingOn: day, endingBy: period.last).map { (grain, $0) }
                }).first
            else { return nil }
            buckets.append((grain, bucket.first))
            day = bucket.last.adding(days: 1)
        }
        return buckets
    }
}
