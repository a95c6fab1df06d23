/// When the last day of a day-based time limit runs out.
///
/// 民法典 art. 203 ends a period's last day at 24:00, or at the close of business where there are business
/// hours. The default is 24:00 (`midnight`), the reading used for 期限届满日 in most assessment rules; a due time
/// of "24:00 on the 8th" is stored as 00:00 on the 9th.
public enum DayEnd: String, Sendable, Hashable, Codable, CaseIterable {
    /// 24:00 local time on the last day.
    case midnight
    /// The end of the last working period on the last day.
    case closeOfBusiness
}
