/// A visit rule: households with this tag are visited at this cadence.
public struct VisitRule: Sendable, Hashable {
    /// The `ResidentTag.id` the rule applies to.
    public var tagID: String
    /// How often.
    public var cadence: VisitCadence

    /// Creates a rule.
    public init(tagID: String, cadence: VisitCadence) {
        self.tagID = tagID
        self.cadence = cadence
    }
}
