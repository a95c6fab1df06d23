/// Stage durations counted into fixed buckets, so percentiles survive adding rows together (exact ones cannot).
///
/// Bucket `i` holds durations `d` with `bounds[i-1] < d ≤ bounds[i]` minutes (the first from 0); the last bucket
/// holds everything above the last bound, 30 days. The bounds follow the limits in use: the 12530 minutes, the
/// hour-level response, the same day, 3 and 7 working days (up to two calendar weeks with a holiday), a month.
public struct StageHistogram: Sendable, Hashable, Codable {
    /// Upper bucket bounds in minutes, inclusive.
    public static let boundsInMinutes = [
        1, 2, 5, 10, 15, 30, 60, 120, 240, 480, 720, 1_440, 2_880, 4_320, 7_200, 10_080, 14_400, 20_160, 43_200,
    ]

    /// Durations per bucket: one per bound, then the overflow bucket.
    public private(set) var counts: [Int]

    /// An empty histogram.
    public init() {
        counts = Array(repeating: 0, count: Self.boundsInMinutes.count + 1)
    }

    /// A histogram from stored bucket counts (one per bound, then the overflow bucket); nil for the wrong number.
    public init?(counts: [Int]) {
        guard counts.count == Self.boundsInMinutes.count + 1 else { return nil }
        self.counts = counts
    }

    /// A histogram holding one duration.
    public init(seconds: Int) {
        self.init()
        counts[Self.bucket(ofSeconds: seconds)] = 1
    }

    /// The bucket a duration of `seconds` falls in.
    public static func bucket(ofSeconds seconds: Int) -> Int {
        boundsInMinutes.firstIndex { seconds <= $0 * 60 } ?? boundsInMinutes.count
    }

    /// How many durations the histogram holds.
    public var total: Int { counts.reduce(0, +) }

    /// Whether every bucket is zero.
    public var isEmpty: Bool { counts.allSatisfy { $0 == 0 } }

    /// The nearest-rank `percentile` (0 < p ≤ 1) as the upper bound in minutes of the bucket holding it, so at
    /// least the exact figure and below the next bound; nil when empty or when it lies in the overflow bucket.
    public func percentileUpperBound(_ percentile: Double) -> Int? {
        guard let rank = NearestRank.rank(of: percentile, in: total) else { return nil }
        var seen = 0
        for (index, count) in counts.enumerated() {
            seen += count
            if seen >= rank { return index < Self.boundsInMinutes.count ? Self.boundsInMinutes[index] : nil }
        }
        return nil
    }

    public static func + (lhs: StageHistogram, rhs: StageHistogram) -> StageHistogram {
        var sum = lhs
        for index in sum.counts.indices { sum.counts[index] += rhs.counts[index] }
        return sum
    }

    public static func - (lhs: StageHistogram, rhs: StageHistogram) -> StageHistogram {
        var difference = lhs
        for index in difference.counts.indices { difference.counts[index] -= rhs.counts[index] }
        return difference
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let counts = try container.decode([Int].self)
        guard counts.count == Self.boundsInMinutes.count + 1 else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Expected \(Self.boundsInMinutes.count + 1) buckets, found \(counts.count)")
        }
        self.counts = counts
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(counts)
    }
}
