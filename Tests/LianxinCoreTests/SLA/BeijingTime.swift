import Foundation

/// A Beijing-time instant written `2024-10-08 10:00` or `2024-10-08 10:00:48`, parsed independently of LianxinCore.
func beijingTime(_ text: String) -> Date {
    let seconds = text.count == 16 ? ":00" : ""
    let iso = text.replacingOccurrences(of: " ", with: "T") + seconds + "+08:00"
    guard let date = ISO8601DateFormatter().date(from: iso) else { preconditionFailure("Bad test time \(text)") }
    return date
}
