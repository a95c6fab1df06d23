import Foundation

/// 超期未办数: open orders that are past a deadline at an instant. Shelved orders (挂账) are not counted overdue,
/// nor orders waiting on the requester whose clocks stopped in time, nor cancelled or merged ones. Time moves
/// without events, so the count is read from facts (`OrderFact.overdueAfter(on:)` can be stored and indexed).
public struct OverdueOpenCount: Hashable, Codable, Sendable {
    /// The stages whose deadlines count, every stage by default (any red badge).
    public var stages: Set<SLAStage>

    public init(stages: Set<SLAStage> = Set(SLAStage.allCases)) {
        self.stages = stages
    }

    public var definition: IndicatorDefinition {
        let names = SLAStage.allCases.filter(stages.contains)
        let zh = names.count == SLAStage.allCases.count ? "任一环节" : names.map { "「\($0.title(english: false))」" }.joined(separator: "、")
        let en = names.count == SLAStage.allCases.count ? "any stage" : names.map { $0.title(english: true) }.joined(separator: ", ")
        return IndicatorDefinition(
            id: .overdueOpenCount, name: LocalizedText(zh: "超期未办数", en: "Overdue open orders"),
            formula: LocalizedText(
                zh: "超期未办数 = 统计时点在办且\(zh)已超时限的工单数（不含挂账、作废、并单工单）",
                en: "Overdue open orders = open orders past the deadline of \(en) at the instant (shelved, cancelled and merged orders excluded)"),
            unit: .count, higherIsBetter: false)
    }

    /// Whether the order is counted at `instant`.
    public func includes(_ fact: OrderFact, at instant: Date) -> Bool {
        fact.isOverdue(at: instant, on: stages)
    }

    /// The count over `facts` at `instant`.
    public func value(of facts: some Sequence<OrderFact>, at instant: Date) -> IndicatorValue {
        .count(.overdueOpenCount, facts.reduce(0) { $0 + (includes($1, at: instant) ? 1 : 0) })
    }
}
