import Foundation

/// How long personal data is kept (个人信息保护法 art. 19: no longer than the purpose needs) and what
/// is due for anonymisation: a requester's name, phone and the personal parts of the free text some
/// years after the order closed; a tenant's identity some months after moving out. The audit log is
/// kept at least 180 days (网络安全法 art. 21, 等保 level 3: logs kept six months or more) — a shorter
/// setting is refused.
public struct RetentionPolicy: Sendable, Equatable {
    /// The least the audit log may be kept, in days.
    public static let minimumAuditDays = 180

    /// Years a closed order keeps its requester's data.
    public var requesterYears: Int
    /// Months a tenancy keeps its tenant's identity after check-out.
    public var tenancyMonths: Int
    /// Days audit entries are kept at least.
    public var auditDays: Int

    /// Why a retention setting is refused.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case auditTooShort(Int)
        case outOfRange(what: String, value: Int, range: ClosedRange<Int>)

        public var description: String {
            switch self {
            case .auditTooShort(let days):
                "audit entries must be kept at least \(RetentionPolicy.minimumAuditDays) days (网络安全法 art. 21); \(days) is refused"
            case .outOfRange(let what, let value, let range): "\(what) \(value) is outside \(range.lowerBound)…\(range.upperBound)"
            }
        }
    }

    /// The defaults: requester data 3 years, tenancies 12 months, audit 180 days.
    public static let standard = RetentionPolicy(checked: 3, 12, 180)

    private init(checked requesterYears: Int, _ tenancyMonths: Int, _ auditDays: Int) {
        self.requesterYears = requesterYears
        self.tenancyMonths = tenancyMonths
        self.auditDays = auditDays
    }

    public init(requesterYears: Int = 3, tenancyMonths: Int = 12, auditDays: Int = 180) throws(Problem) {
        guard auditDays >= Self.minimumAuditDays else { throw .auditTooShort(auditDays) }
        guard auditDays <= 36_500 else { throw .outOfRange(what: "audit days", value: auditDays, range: Self.minimumAuditDays...36_500) }
        guard (1...100).contains(requesterYears) else { throw .outOfRange(what: "requester years", value: requesterYears, range: 1...100) }
        guard (1...1200).contains(tenancyMonths) else { throw .outOfRange(what: "tenancy months", value: tenancyMonths, range: 1...1200) }
        self.requesterYears = requesterYears
        self.tenancyMonths = tenancyMonths
        self.auditDays = auditDays
    }

    /// Orders closed (or cancelled) before this instant are due.
    public func requesterCutoff(now: Date) -> Date {
        Self.calendar.date(byAdding: .year, value: -requesterYears, to: now) ?? now
    }

    /// Tenancies that ended before this Beijing day (`yyyy-MM-dd`, as `moved_out` is kept) are due.
    public func tenancyCutoffDay(now: Date) -> String {
        BeijingClock.day(Self.calendar.date(byAdding: .month, value: -tenancyMonths, to: now) ?? now)
    }

    /// Audit entries younger than this are always kept.
    public func auditKeptSince(now: Date) -> Date { now.addingTimeInterval(-Double(auditDays) * 86_400) }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = WorkCalendar.shanghai
        return calendar
    }()
}
