import Foundation

/// Which rollup rows a cut takes: a period, a division at some level, and sets of units, categories, channels and
/// request kinds; an absent condition takes everything. Category subtrees are expanded by the caller into codes.
public struct RollupFilter: Sendable, Hashable, Codable {
    /// The period whose creation days count.
    public var period: Period?
    /// A division level and the code the row must have at that level.
    public var division: DivisionSelection?
    public var departmentIDs: Set<UUID>?
    public var categoryCodes: Set<String>?
    public var channels: Set<Channel>?
    public var requestKinds: Set<RequestKind>?

    public init(
        period: Period? = nil, division: DivisionSelection? = nil, departmentIDs: Set<UUID>? = nil,
        categoryCodes: Set<String>? = nil, channels: Set<Channel>? = nil,
        requestKinds: Set<RequestKind>? = nil
    ) {
        self.period = period
        self.division = division
        self.departmentIDs = departmentIDs
        self.categoryCodes = categoryCodes
        self.channels = channels
        self.requestKinds = requestKinds
    }

    /// Whether the row with `key` is in the cut.
    public func matches(_ key: RollupKey) -> Bool {
        guard period?.contains(key.day) ?? true, division?.matches(key.divisions) ?? true else { return false }
        if let departmentIDs, !(key.departmentID.map(departmentIDs.contains) ?? false) { return false }
        return (categoryCodes?.contains(key.categoryCode) ?? true)
            && (channels?.contains(key.channel) ?? true)
            && (requestKinds?.contains(key.requestKind) ?? true)
    }

    /// Whether the order of `fact` is in the cut, so drill-down lists the same orders the counts came from.
    public func matches(_ fact: OrderFact) -> Bool {
        matches(RollupKey(fact))
    }
}
