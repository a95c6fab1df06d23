/// The length of a reporting period (统计周期).
public enum PeriodKind: String, Sendable, Hashable, Codable, CaseIterable {
    case day
    /// An ISO 8601 week, Monday to Sunday.
    case week
    case month
    case quarter
    case year
    /// Any run of whole days.
    case custom
}
