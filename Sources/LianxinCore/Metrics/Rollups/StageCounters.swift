/// Additive counts of one stage's clocks over a set of orders: how many ran, ended, ended in time, and how long.
public struct StageCounters: Sendable, Hashable, Codable {
    /// Orders with a clock of the stage (the policy times it and it started).
    public var started: Int
    /// Of those, orders whose clock stopped.
    public var stopped: Int
    /// Of those, orders whose clock stopped by its deadline.
    public var met: Int
    /// The stopped clocks' durations added up, in seconds, paused time left out.
    public var seconds: Int
    /// The stopped clocks' durations in buckets.
    public var histogram: StageHistogram

    public init(
        started: Int = 0, stopped: Int = 0, met: Int = 0, seconds: Int = 0,
        histogram: StageHistogram = StageHistogram()
    ) {
        self.started = started
        self.stopped = stopped
        self.met = met
        self.seconds = seconds
        self.histogram = histogram
    }

    /// The counts of one order's stage.
    public init(_ stage: StageFact) {
        self.init(started: 1)
        if let seconds = stage.durationSeconds {
            stopped = 1
            met = stage.met == true ? 1 : 0
            self.seconds = seconds
            histogram = StageHistogram(seconds: seconds)
        }
    }

    /// No clocks at all.
    public static let zero = StageCounters()

    /// Whether every count is zero.
    public var isZero: Bool {
        started == 0 && stopped == 0 && met == 0 && seconds == 0 && histogram.isEmpty
    }

    public static func + (lhs: StageCounters, rhs: StageCounters) -> StageCounters {
        StageCounters(
            started: lhs.started + rhs.started, stopped: lhs.stopped + rhs.stopped, met: lhs.met + rhs.met,
            seconds: lhs.seconds + rhs.seconds, histogram: lhs.histogram + rhs.histogram)
    }

    public static func - (lhs: StageCounters, rhs: StageCounters) -> StageCounters {
        StageCounters(
            started: lhs.started - rhs.started, stopped: lhs.stopped - rhs.stopped, met: lhs.met - rhs.met,
            seconds: lhs.seconds - rhs.seconds, histogram: lhs.histogram - rhs.histogram)
    }
}
