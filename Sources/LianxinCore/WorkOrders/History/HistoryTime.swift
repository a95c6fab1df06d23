import Foundation

/// Reads the step times of another system's order history: `2025-03-04 09:15[:30]` (also with `T` or `/`) in
/// Beijing time, or ISO 8601 with `Z` or an offset (`2025-03-04T01:15:30Z`, `…+08:00`).
public enum HistoryTime {
    /// The instant `text` names, or nil when it is not a time in one of the accepted forms.
    public static func parse(_ text: String) -> Date? {
        var scalars = Array(text.trimmingCharacters(in: .whitespaces).unicodeScalars)
        var offsetSeconds: Int?
        if scalars.last == "Z" || scalars.last == "z" {
            offsetSeconds = 0
            scalars.removeLast()
        } else if scalars.count > 19, let sign = scalars.dropFirst(16).lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = String(String.UnicodeScalarView(scalars[(sign + 1)...])).replacingOccurrences(of: ":", with: "")
            guard zone.count == 4, let hours = Int(zone.prefix(2)), let minutes = Int(zone.suffix(2)), hours < 15, minutes < 60 else {
                return nil
            }
            offsetSeconds = (hours * 3_600 + minutes * 60) * (scalars[sign] == "-" ? -1 : 1)
            scalars.removeSubrange(sign...)
        }
        let body = String(String.UnicodeScalarView(scalars))
        let parts = body.split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        guard parts.count == 2 else { return nil }
        let dateParts = parts[0].split(whereSeparator: { $0 == "-" || $0 == "/" }).map { Int($0) }
        var timeText = parts[1]
        if let dot = timeText.firstIndex(of: ".") { timeText = String(timeText[..<dot]) }
        let timeParts = timeText.split(separator: ":").map { Int($0) }
        guard dateParts.count == 3, (2...3).contains(timeParts.count), !dateParts.contains(nil), !timeParts.contains(nil),
            let day = LocalDate(year: dateParts[0]!, month: dateParts[1]!, day: dateParts[2]!)
        else { return nil }
        let hour = timeParts[0]!, minute = timeParts[1]!, second = timeParts.count == 3 ? timeParts[2]! : 0
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else { return nil }
        let minutes = hour * 60 + minute
        if let offsetSeconds {
            let local = TimeInterval(day.daysSinceEpoch * 86_400 + minutes * 60 + second)
            return Date(timeIntervalSince1970: local - TimeInterval(offsetSeconds))
        }
        return WorkCalendar.china.instant(on: day, minute: minutes).addingTimeInterval(TimeInterval(second))
    }
}
