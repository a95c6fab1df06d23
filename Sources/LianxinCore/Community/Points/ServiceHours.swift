import Foundation

/// Service time (服务时长) credited from check-in and check-out records.
public enum ServiceHours {
    /// The unit in which service is credited.
    public static let quarterHourMinutes = 15

    /// The service credited per volunteer and day, sorted by volunteer and day. A session counts on the day of its
    /// check-in; a volunteer's overlapping sessions on a day count once; each day's total is rounded to the nearest
    /// quarter hour (7½ minutes round up) and capped at `dailyCapMinutes`. Days that come to nothing are left out.
    public static func credited(_ sessions: [ServiceSession], dailyCapMinutes: Int) -> [ServiceDay] {
        let byVolunteerDay = Dictionary(grouping: sessions) {
            VolunteerDay(volunteerID: $0.volunteerID, day: ShanghaiTime.day(of: $0.checkIn))
        }
        return byVolunteerDay.compactMap { key, sessions in
            let quarters = mergedSeconds(sessions.map { $0.checkIn...$0.checkOut }) / TimeInterval(quarterHourMinutes * 60)
            let minutes = min(Int(quarters.rounded(.toNearestOrAwayFromZero)) * quarterHourMinutes, dailyCapMinutes)
            return minutes > 0 ? ServiceDay(volunteerID: key.volunteerID, day: key.day, minutes: minutes) : nil
        }
        .sorted { ($0.volunteerID.uuidString, $0.day) < ($1.volunteerID.uuidString, $1.day) }
    }

    /// The length of the union of `intervals`, so that a double check-in is not counted twice.
    private static func mergedSeconds(_ intervals: [ClosedRange<Date>]) -> TimeInterval {
        var total: TimeInterval = 0
        var current: ClosedRange<Date>?
        for interval in intervals.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let open = current, interval.lowerBound <= open.upperBound {
                current = open.lowerBound...max(open.upperBound, interval.upperBound)
            } else {
                total += current.map { $0.upperBound.timeIntervalSince($0.lowerBound) } ?? 0
                current = interval
            }
        }
        return total + (current.map { $0.upperBound.timeIntervalSince($0.lowerBound) } ?? 0)
    }

    private struct VolunteerDay: Hashable {
        let volunteerID: UUID
        let day: LocalDate
    }
}
