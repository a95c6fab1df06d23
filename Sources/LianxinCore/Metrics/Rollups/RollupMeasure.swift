/// One count of the rollup counters that counts orders, by the name the API and drill-down links use: a plain count
/// (`closed`), `counted` (received less cancelled and merged), or a stage count (`sign.met`). The orders behind a
/// measure are exactly those whose own counters hold it, so a drill-down list is as long as the figure it came from.
public struct RollupMeasure: Sendable, Hashable, CustomStringConvertible {
    /// What a stage measure counts of the stage's clocks.
    public enum StageCount: String, Sendable, Hashable, CaseIterable {
        case started, stopped, met
    }

    fileprivate enum Kind: Sendable, Hashable {
        case count(String)
        case counted
        case assessable
        case stage(SLAStage, StageCount)
    }

    fileprivate let kind: Kind

    /// The counts that add up whole orders (`reopenings` and `extensions` count events, so they are left out).
    static let orderCounts = RollupCounters.fields.map(\.name).filter { $0 != "reopenings" && $0 != "extensions" }

    /// Reads a measure name; nil for anything else.
    public init?(_ name: String) {
        if name == "counted" {
            kind = .counted
        } else if name == "assessable" {
            kind = .assessable
        } else if RollupMeasure.orderCounts.contains(name) {
            kind = .count(name)
        } else {
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, let stage = SLAStage(rawValue: String(parts[0])),
                let count = StageCount(rawValue: String(parts[1]))
            else { return nil }
            kind = .stage(stage, count)
        }
    }

    /// The measure of `count` of `stage`'s clocks.
    public static func stage(_ stage: SLAStage, _ count: StageCount) -> RollupMeasure {
        RollupMeasure(kind: .stage(stage, count))
    }

    fileprivate init(kind: Kind) {
        self.kind = kind
    }

    /// Every measure: the order counts, `counted`, then each stage's counts.
    public static var all: [RollupMeasure] {
        orderCounts.map { RollupMeasure(kind: .count($0)) } + [RollupMeasure(kind: .counted), RollupMeasure(kind: .assessable)]
            + SLAStage.allCases.flatMap { stage in StageCount.allCases.map { RollupMeasure(kind: .stage(stage, $0)) } }
    }

    /// The stage and what of its clocks a stage measure counts; nil for order counts.
    public var stageCount: (stage: SLAStage, count: StageCount)? {
        if case .stage(let stage, let count) = kind { return (stage, count) }
        return nil
    }

    /// The name, e.g. `closed` or `sign.met`.
    public var description: String {
        switch kind {
        case .count(let name): name
        case .counted: "counted"
        case .assessable: "assessable"
        case .stage(let stage, let count): "\(stage.rawValue).\(count.rawValue)"
        }
    }

    /// The measure's figure in `counters`.
    public func value(in counters: RollupCounters) -> Int {
        switch kind {
        case .count(let name): counters.count(named: name) ?? 0
        case .counted: counters.counted
        case .assessable: counters.assessable
        case .stage(let stage, .started): counters[stage].started
        case .stage(let stage, .stopped): counters[stage].stopped
        case .stage(let stage, .met): counters[stage].met
        }
    }

    /// Whether the order of `fact` is one of the orders the measure counts.
    public func includes(_ fact: OrderFact) -> Bool {
        value(in: RollupCounters(fact)) > 0
    }
}

extension RollupCounters {
    /// The names of the plain counts, in storage order (`stages` kept apart).
    public static var countNames: [String] { fields.map(\.name) }

    /// The plain count called `name`; nil for an unknown name.
    public func count(named name: String) -> Int? {
        Self.fields.first { $0.name == name }.map { self[keyPath: $0.path] }
    }

    /// Sets the plain count called `name`; an unknown name changes nothing.
    public mutating func setCount(_ value: Int, named name: String) {
        guard let field = Self.fields.first(where: { $0.name == name }) else { return }
        self[keyPath: field.path] = value
    }
}

extension IndicatorSettings {
    /// The measures above and below the line of `id` as configured, for drill-down links; nil for indicators not
    /// read from order counters (counts of overdue orders, whistle scores, visits, the composite).
    public func measures(of id: IndicatorID) -> (numerator: [RollupMeasure], denominator: RollupMeasure)? {
        func named(_ names: String...) -> [RollupMeasure] { names.compactMap(RollupMeasure.init) }
        switch id {
        case .responseRate: return ([.stage(responseRate.stage, .met)], .stage(responseRate.stage, .started))
        case .resolutionRate: return (named("solved"), RollupMeasure(kind: .count("evaluated")))
        case .satisfactionRate:
            return (named("satisfied", "basicallySatisfied"), RollupMeasure(kind: .count("evaluated")))
        case .onTimeRate: return ([.stage(onTimeRate.stage, .met)], .stage(onTimeRate.stage, .stopped))
        case .closureRate: return (named("closed"), RollupMeasure(kind: .counted))
        case .reopenRate: return (named("reopened"), RollupMeasure(kind: .count("completedOnce")))
        case .extensionRate: return (named("extended"), RollupMeasure(kind: .count("dispatched")))
        case .directAnswerRate: return (named("answeredDirectly"), RollupMeasure(kind: .counted))
        case .knowledgeHitRate: return (named("answeredFromKnowledge"), RollupMeasure(kind: .count("answeredDirectly")))
        case .signOnTimeRate: return ([.stage(.sign, .met)], .stage(.sign, .stopped))
        case .returnRate: return (named("returnedOnce"), RollupMeasure(kind: .count("dispatched")))
        case .revisitRate: return (named("evaluated"), RollupMeasure(kind: .count("completedOnce")))
        case .exemptionRate: return (named("exempted"), RollupMeasure(kind: .assessable))
        case .repeatRate: return (named("repeatLinked"), RollupMeasure(kind: .count("received")))
        case .averageStageTime: return ([], .stage(averageStageTime.stage, .stopped))
        case .stageTimePercentile: return ([], .stage(stageTimePercentile.stage, .stopped))
        case .overdueOpenCount, .whistleScore, .visitCoverage, .proactiveTaskCount, .compositeScore: return nil
        }
    }
}
