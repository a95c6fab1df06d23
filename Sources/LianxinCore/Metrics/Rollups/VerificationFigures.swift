/// The on-site check's figures (核查, issue 21) for a dashboard card: orders whose result passed a check, orders whose
/// result failed one and went back to the unit, the checks ended, and their average time. Each count is a rollup
/// measure (`measures`), so its drill-down list is exactly as long as the figure.
public struct VerificationFigures: Sendable, Hashable, Codable {
    public var verified: Int
    public var failed: Int
    /// Orders whose check clock (`verify`) ended, and the average of those clocks in minutes (nil when none ended).
    public var checks: Int
    public var averageMinutes: Double?

    /// The measures behind `verified`, `failed` and `checks`.
    public static let measures = (verified: "verified", failed: "verificationFailed", checks: "verify.stopped")

    public init(_ counters: RollupCounters) {
        verified = counters.verified
        failed = counters.verificationFailed
        let stage = counters[.verify]
        checks = stage.stopped
        averageMinutes = stage.stopped > 0 ? Double(stage.seconds) / 60 / Double(stage.stopped) : nil
    }

    /// Whether anything was checked at all in the period.
    public var isEmpty: Bool { verified == 0 && failed == 0 && checks == 0 }
}
