import Foundation

/// A length of time as people read it on a dashboard (#18 item 14): minutes under an hour, hours under two days,
/// days beyond — "45 分钟", "21.3 小时", "5.3 天" — never "1279 分钟".
public enum DurationText {
    public static func text(minutes: Double, english: Bool) -> String {
        let size = abs(minutes)
        if size < 60 { return String(format: english ? "%.0f min" : "%.0f 分钟", minutes) }
        if size < 48 * 60 { return String(format: english ? "%.1f h" : "%.1f 小时", minutes / 60) }
        return String(format: english ? "%.1f days" : "%.1f 天", minutes / 1440)
    }
}

/// The counts behind a share, as a dashboard tile shows them beside the percentage: "75.0%（3/4）".
public enum ShareText {
    /// A whole count as it is; a weighted one (3 + 0.9 × 4 = 6.6) with one decimal.
    public static func count(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(format: "%.1f", value)
    }
}
