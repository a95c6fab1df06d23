/// Sums and counts over a set of orders, and nothing else, so rows add up: the counters of a city for a month are
/// the sum of its rows. Every indicator that rests on orders is computed from them (`OrderRatioIndicator`).
///
/// `received`, `cancelled`, `merged` and `exempted` count every order; all other fields count only the orders rates
/// count (`OrderFact.isCounted`: not cancelled, not a merged child, not left out of the assessment), as they stand now.
public struct RollupCounters: Sendable, Hashable {
    /// Orders created (受理量).
    public var received: Int
    /// Orders cancelled (作废).
    public var cancelled: Int
    /// Duplicates merged under a parent (并单).
    public var merged: Int
    /// Orders the hotline centre left out of the assessment on an approved appeal (核减).
    public var exempted: Int
    /// Orders dispatched to a unit at least once.
    public var dispatched: Int
    /// Live work: neither final nor shelved.
    public var open: Int
    /// Orders shelved now (挂账).
    public var shelved: Int
    /// Orders whose reported result stands (办结).
    public var completed: Int
    /// Orders for which a result was reported at least once, even if later sent back.
    public var completedOnce: Int
    /// Orders closed (结案).
    public var closed: Int
    /// Orders with an evaluation (回访评价); the three satisfaction counts add up to it.
    public var evaluated: Int
    public var satisfied: Int
    public var basicallySatisfied: Int
    public var dissatisfied: Int
    /// Evaluated orders the requester called solved.
    public var solved: Int
    /// Orders reopened at least once (重办).
    public var reopened: Int
    /// Reopenings in all.
    public var reopenings: Int
    /// Orders with at least one approved extension (延期).
    public var extended: Int
    /// Approved extensions in all.
    public var extensions: Int
    /// Orders whose result passed an on-site check (核查).
    public var verified: Int
    /// Orders whose result failed an on-site check at least once and went back to the unit.
    public var verificationFailed: Int
    /// Consultations answered and closed on the call (直接办结).
    public var answeredDirectly: Int
    /// Direct answers taken from a knowledge-base entry (知识库命中).
    public var answeredFromKnowledge: Int
    /// Orders a unit handed back to the dispatchers at least once (退单/回退), approved where approval is needed.
    public var returnedOnce: Int
    /// Calls linked to an open order of the same requester and problem (重复诉求); counted among `merged`.
    public var repeatLinked: Int
    /// Per stage, only stages with a non-zero count.
    public private(set) var stages: [SLAStage: StageCounters]

    /// All zero.
    public init() {
        received = 0
        cancelled = 0
        merged = 0
        exempted = 0
        dispatched = 0
        open = 0
        shelved = 0
        completed = 0
        completedOnce = 0
        closed = 0
        evaluated = 0
        satisfied = 0
        basicallySatisfied = 0
        dissatisfied = 0
        solved = 0
        reopened = 0
        reopenings = 0
        extended = 0
        extensions = 0
        verified = 0
        verificationFailed = 0
        answeredDirectly = 0
        answeredFromKnowledge = 0
        returnedOnce = 0
        repeatLinked = 0
        stages = [:]
    }

    /// All zero.
    public static let zero = RollupCounters()

    /// Orders that rates count: received, less cancelled, merged and exempted (核减).
    public var counted: Int { received - cancelled - merged - exempted }

    /// Orders the assessment could count: received, less cancelled and merged — the counted ones and those
    /// exempted (核减) — the base of the exemption rate.
    public var assessable: Int { received - cancelled - merged }

    /// Whether every count is zero.
    public var isZero: Bool { self == .zero }

    /// The counts of `stage`, zero where no clock of it was counted.
    public subscript(stage: SLAStage) -> StageCounters {
        get { stages[stage] ?? .zero }
        set { stages[stage] = newValue.isZero ? nil : newValue }
    }

    public static func + (lhs: RollupCounters, rhs: RollupCounters) -> RollupCounters {
        lhs.combined(with: rhs, +, +)
    }

    public static func - (lhs: RollupCounters, rhs: RollupCounters) -> RollupCounters {
        lhs.combined(with: rhs, -, -)
    }

    /// Adds in place, field by field: rebuilds add millions of rows, and building a new value for each sum cost
    /// more than the sums. Equal to `lhs = lhs + rhs`.
    public static func += (lhs: inout RollupCounters, rhs: RollupCounters) {
        lhs.received += rhs.received
        lhs.cancelled += rhs.cancelled
        lhs.merged += rhs.merged
        lhs.exempted += rhs.exempted
        lhs.dispatched += rhs.dispatched
        lhs.open += rhs.open
        lhs.shelved += rhs.shelved
        lhs.completed += rhs.completed
        lhs.completedOnce += rhs.completedOnce
        lhs.closed += rhs.closed
        lhs.evaluated += rhs.evaluated
        lhs.satisfied += rhs.satisfied
        lhs.basicallySatisfied += rhs.basicallySatisfied
        lhs.dissatisfied += rhs.dissatisfied
        lhs.solved += rhs.solved
        lhs.reopened += rhs.reopened
        lhs.reopenings += rhs.reopenings
        lhs.extended += rhs.extended
        lhs.extensions += rhs.extensions
        lhs.verified += rhs.verified
        lhs.verificationFailed += rhs.verificationFailed
        lhs.answeredDirectly += rhs.answeredDirectly
        lhs.answeredFromKnowledge += rhs.answeredFromKnowledge
        lhs.returnedOnce += rhs.returnedOnce
        lhs.repeatLinked += rhs.repeatLinked
        for (stage, counters) in rhs.stages { lhs[stage] = lhs[stage] + counters }
    }

    private func combined(
        with other: RollupCounters, _ count: (Int, Int) -> Int, _ stage: (StageCounters, StageCounters) -> StageCounters
    ) -> RollupCounters {
        var result = RollupCounters()
        for (_, field) in Self.fields { result[keyPath: field] = count(self[keyPath: field], other[keyPath: field]) }
        for key in Set(stages.keys).union(other.stages.keys) { result[key] = stage(self[key], other[key]) }
        return result
    }

    /// The plain counts by their coded names; `stages` is kept apart.
    static let fields: [(name: String, path: WritableKeyPath<RollupCounters, Int> & Sendable)] = [
        ("received", \.received), ("cancelled", \.cancelled), ("merged", \.merged), ("dispatched", \.dispatched),
        ("open", \.open), ("shelved", \.shelved), ("completed", \.completed), ("completedOnce", \.completedOnce),
        ("closed", \.closed), ("evaluated", \.evaluated), ("satisfied", \.satisfied),
        ("basicallySatisfied", \.basicallySatisfied), ("dissatisfied", \.dissatisfied), ("solved", \.solved),
        ("reopened", \.reopened), ("reopenings", \.reopenings), ("extended", \.extended), ("extensions", \.extensions),
        ("exempted", \.exempted), ("verified", \.verified), ("verificationFailed", \.verificationFailed),
        ("answeredDirectly", \.answeredDirectly), ("answeredFromKnowledge", \.answeredFromKnowledge),
        ("returnedOnce", \.returnedOnce), ("repeatLinked", \.repeatLinked),
    ]
}
