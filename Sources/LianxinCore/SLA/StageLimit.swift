/// The time allowed for one stage and when to warn about it.
public struct StageLimit: Sendable, Hashable, Codable {
    public let stage: SLAStage
    public let limit: TimeLimit
    public let warning: WarningThreshold

    public init(_ stage: SLAStage, _ limit: TimeLimit, warning: WarningThreshold = .fraction(0.8)) {
        self.stage = stage
        self.limit = limit
        self.warning = warning
    }
}

extension StageLimit {
    /// The on-site check's limit (核查) where the order's policy does not time it: two working days, so the time a
    /// check takes is a stage of its own in the clocks and indicators of every category that requires one.
    public static let defaultVerification = StageLimit(.verify, TimeLimit(2, .workingDays))

    /// The limit a stage falls back on when a policy leaves it untimed; only the on-site check has one.
    public static func fallback(for stage: SLAStage) -> StageLimit? {
        stage == .verify ? defaultVerification : nil
    }
}
