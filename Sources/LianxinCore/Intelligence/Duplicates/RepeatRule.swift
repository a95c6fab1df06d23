import Foundation

/// 重复诉求: the same requester calling again about the same problem while it is still being handled. Such a call
/// is linked to the first order (a merged child with the repeat mark) rather than counted as new work, and the
/// first order's unit sees that the requester called again.
///
/// The rule: the caller is known (the blind index of the phone number matches), the category is the same, the
/// earlier order was received at most `windowDays` calendar days before, it is still open (not closed, cancelled,
/// merged or shelved), and when both have a position they are at most `maxMeters` apart (the same caller may
/// report two street lights in two villages). The earliest such order is the one linked to, so a third call joins
/// the first.
public struct RepeatRule: Sendable, Hashable {
    /// One earlier order as the rule sees it.
    public struct Candidate: Sendable, Hashable {
        public let id: UUID
        public let callerHash: String?
        public let categoryCode: String
        public let receivedAt: Date
        public let status: WorkOrderStatus
        public let location: GeoPoint?

        public init(
            id: UUID, callerHash: String?, categoryCode: String, receivedAt: Date, status: WorkOrderStatus, location: GeoPoint? = nil
        ) {
            self.id = id
            self.callerHash = callerHash
            self.categoryCode = categoryCode
            self.receivedAt = receivedAt
            self.status = status
            self.location = location
        }
    }

    /// How far back an earlier order counts, in days; 0 turns linking off.
    public let windowDays: Int
    /// How far apart two positions may be for the same problem.
    public let maxMeters: Double

    /// 30 days by default: a month covers the longest ordinary limit (15 working days) with its extensions; 1 km
    /// covers a street or a village.
    public init(windowDays: Int = 30, maxMeters: Double = 1_000) {
        self.windowDays = max(0, windowDays)
        self.maxMeters = maxMeters
    }

    /// The earliest of `candidates` the new call repeats, or nil.
    public func original(
        callerHash: String?, categoryCode: String, receivedAt: Date, location: GeoPoint? = nil, among candidates: [Candidate]
    ) -> Candidate? {
        guard windowDays > 0, let callerHash, !callerHash.isEmpty, !categoryCode.isEmpty else { return nil }
        let since = receivedAt.addingTimeInterval(-Double(windowDays) * 86_400)
        return
            candidates
            .filter {
                $0.callerHash == callerHash && $0.categoryCode == categoryCode && $0.receivedAt >= since
                    && $0.receivedAt <= receivedAt && $0.status.isOpen && $0.status != .shelved
                    && Self.near(location, $0.location, within: maxMeters)
            }
            .min { ($0.receivedAt, $0.id.uuidString) < ($1.receivedAt, $1.id.uuidString) }
    }

    private static func near(_ a: GeoPoint?, _ b: GeoPoint?, within meters: Double) -> Bool {
        guard let a, let b else { return true }
        return a.distance(to: b) <= meters
    }

    /// The earliest instant an earlier order may have been received to count.
    public func windowStart(before receivedAt: Date) -> Date {
        receivedAt.addingTimeInterval(-Double(windowDays) * 86_400)
    }
}
