/// 未诉先办数: orders raised before anyone complained, counted as the orders received through the proactive channel.
public struct ProactiveTaskCount: Hashable, Codable, Sendable {
    /// The channel proactive tasks arrive by.
    public var channel: Channel

    public init(channel: Channel = .proactive) {
        self.channel = channel
    }

    public var definition: IndicatorDefinition {
        IndicatorDefinition(
            id: .proactiveTaskCount, name: LocalizedText(zh: "未诉先办数", en: "Proactive tasks"),
            formula: LocalizedText(
                zh: "未诉先办数 = 渠道为「\(channel.title(english: false))」的受理工单数（不含作废、并单工单）",
                en: "Proactive tasks = orders received through the \(channel.title(english: true)) channel (cancelled and merged orders excluded)"),
            unit: .count)
    }

    /// Whether the order is counted.
    public func includes(_ fact: OrderFact) -> Bool {
        fact.isCounted && fact.dimensions.channel == channel
    }

    /// The count over the rows of `table` that `filter` selects.
    public func value(of table: RollupTable, matching filter: RollupFilter = RollupFilter()) -> IndicatorValue {
        var proactive = filter
        proactive.channels = (filter.channels ?? Set(Channel.allCases)).intersection([channel])
        return .count(.proactiveTaskCount, table.total(matching: proactive).counted)
    }

    /// The count over the orders of `facts`.
    public func value(of facts: some Sequence<OrderFact>) -> IndicatorValue {
        .count(.proactiveTaskCount, facts.reduce(0) { $0 + (includes($1) ? 1 : 0) })
    }
}
