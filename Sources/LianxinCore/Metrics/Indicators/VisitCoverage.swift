/// 走访覆盖率: of the households due a visit in a period (by their visit rules), the share that were visited.
public struct VisitCoverage: Hashable, Codable, Sendable {
    public init() {}

    public var definition: IndicatorDefinition {
        let numerator = LocalizedText(zh: "按期走访的户数", en: "households visited as due")
        let denominator = LocalizedText(zh: "应走访的户数", en: "households due a visit")
        return IndicatorDefinition(
            id: .visitCoverage, name: LocalizedText(zh: "走访覆盖率", en: "Visit coverage"),
            formula: LocalizedText(
                zh: "走访覆盖率 = \(numerator.zh) ÷ \(denominator.zh)", en: "Visit coverage = \(numerator.en) ÷ \(denominator.en)"),
            numerator: numerator, denominator: denominator, unit: .share)
    }

    /// The coverage of `visited` households out of `due`; `visited` counts only households that were due.
    public func value(visited: Int, due: Int) -> IndicatorValue {
        .ratio(.visitCoverage, Double(visited), due)
    }
}
