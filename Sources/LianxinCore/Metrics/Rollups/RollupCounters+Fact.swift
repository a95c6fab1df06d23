extension RollupCounters {
    /// The counts of one order as it stands: what its row holds for it.
    public init(_ fact: OrderFact) {
        self.init()
        received = 1
        guard fact.isCounted else {
            cancelled = fact.isCancelled ? 1 : 0
            merged = fact.isMergedChild ? 1 : 0
            exempted = !fact.isCancelled && !fact.isMergedChild && fact.exemptedFromAssessment == true ? 1 : 0
            repeatLinked = !fact.isCancelled && fact.isMergedChild && fact.linkedAsRepeat == true ? 1 : 0
            return
        }
        dispatched = fact.dispatchedAt == nil ? 0 : 1
        open = fact.status.isOpen ? 1 : 0
        shelved = fact.isShelved ? 1 : 0
        completed = fact.completedAt == nil ? 0 : 1
        completedOnce = fact.completionCount > 0 ? 1 : 0
        closed = fact.status == .closed ? 1 : 0
        if let satisfaction = fact.satisfaction {
            evaluated = 1
            satisfied = satisfaction == .satisfied ? 1 : 0
            basicallySatisfied = satisfaction == .basicallySatisfied ? 1 : 0
            dissatisfied = satisfaction == .dissatisfied ? 1 : 0
            solved = fact.solved == true ? 1 : 0
        }
        reopened = fact.reopenCount > 0 ? 1 : 0
        reopenings = fact.reopenCount
        extended = fact.extensionCount > 0 ? 1 : 0
        extensions = fact.extensionCount
        verified = (fact.verificationsPassed ?? 0) > 0 ? 1 : 0
        verificationFailed = (fact.verificationsFailed ?? 0) > 0 ? 1 : 0
        answeredDirectly = fact.answeredDirectly == true ? 1 : 0
        answeredFromKnowledge = fact.answeredDirectly == true && fact.answeredFromKnowledge == true ? 1 : 0
        returnedOnce = (fact.returnCount ?? 0) > 0 ? 1 : 0
        for stage in fact.stages { self[stage.stage] = StageCounters(stage) }
    }

    /// The counts of many orders.
    public init(_ facts: some Sequence<OrderFact>) {
        self = facts.reduce(into: RollupCounters()) { $0 += RollupCounters($1) }
    }

    /// What one event changes in the rollup table: the counters to add to each row, negative where counts leave it.
    /// `old` is the order's fact before the event (nil for `created`), `new` the fact after it; when the order
    /// moves to another row (redispatched, reclassified) the old row loses it whole and the new one gains it.
    /// Rows whose change is zero are left out.
    public static func delta(from old: OrderFact?, to new: OrderFact) -> [RollupKey: RollupCounters] {
        var changes: [RollupKey: RollupCounters] = [:]
        if let old { changes[RollupKey(old)] = .zero - RollupCounters(old) }
        changes[RollupKey(new), default: .zero] += RollupCounters(new)
        return changes.filter { !$0.value.isZero }
    }
}
