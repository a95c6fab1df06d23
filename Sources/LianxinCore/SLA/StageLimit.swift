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
