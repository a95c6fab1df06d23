import Foundation

/// Beijing time (Asia/Shanghai), in which community schedules, service days and quarters are counted.
enum ShanghaiTime {
    static let zone: TimeZone = {
        guard let zone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3_600) else {
            preconditionFailure("UTC+8 must be a valid time zone")
        }
        return zone
    }()

    /// The local day on which `instant` falls.
    static func day(of instant: Date) -> LocalDate {
        LocalDate(instant, in: zone)
    }

    /// The instant `minute` minutes after local midnight on `day`.
    static func instant(on day: LocalDate, minute: Int) -> Date {
        // Asia/Shanghai kept summer time in 1986–1991, so the offset is looked up rather than fixed.
        let local = TimeInterval(day.daysSinceEpoch * 86_400 + minute * 60)
        let guess = Date(timeIntervalSince1970: local - offset(at: Date(timeIntervalSince1970: local)))
        return Date(timeIntervalSince1970: local - offset(at: guess))
    }

    private static func offset(at instant: Date) -> TimeInterval {
        TimeInterval(zone.secondsFromGMT(for: instant))
    }
}
