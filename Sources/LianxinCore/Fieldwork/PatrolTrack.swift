import Foundation

/// One position a phone took during a patrol (巡查), with the time it was taken.
public struct PatrolFix: Sendable, Hashable, Codable {
    public var at: Date
    public var position: GeoPoint

    public init(at: Date, position: GeoPoint) {
        self.at = at
        self.position = position
    }
}

/// The rules of a grid member's patrol (巡查, issue 21): which positions are believed, how far the patrol went, and
/// when a patrol nobody ended ends by itself. The phone records a position every `recordEvery` seconds or
/// `recordAfterMetres` metres; the server keeps every position once and draws and measures only the plausible ones.
public enum PatrolTrack {
    /// Faster than this between two positions (120 km/h) is a bad fix, not a patrol.
    public static let maximumSpeed: Double = 120_000.0 / 3_600
    /// A patrol nobody ended ends by itself this long after it started.
    public static let maximumDuration: TimeInterval = 12 * 3_600
    /// How often the phone records a position while a patrol runs, and after how many metres moved.
    public static let recordEvery: TimeInterval = 30
    public static let recordAfterMetres: Double = 50

    /// The positions to believe: in the order taken, inside `start...end`, with valid coordinates, one per instant,
    /// and none that implies more than 120 km/h from the last believed one.
    public static func plausible(_ fixes: [PatrolFix], from start: Date, to end: Date) -> [PatrolFix] {
        var kept: [PatrolFix] = []
        for fix in fixes.sorted(by: { $0.at < $1.at }) {
            guard fix.position.isValidWGS84, fix.at >= start, fix.at <= end else { continue }
            guard let last = kept.last else {
                kept.append(fix)
                continue
            }
            let seconds = fix.at.timeIntervalSince(last.at)
            guard seconds > 0 else { continue }
            if last.position.distance(to: fix.position) / seconds > maximumSpeed { continue }
            kept.append(fix)
        }
        return kept
    }

    /// The length in metres of the path through `fixes` (already plausible, in order).
    public static func distance(_ fixes: [PatrolFix]) -> Double {
        zip(fixes, fixes.dropFirst()).reduce(0) { sum, pair in sum + pair.0.position.distance(to: pair.1.position) }
    }

    /// When a patrol ends: the time the person ended it, never later than `maximumDuration` after it started; a
    /// patrol still running after `maximumDuration` ends by itself then (`automatic`). Nil while it runs.
    public static func end(startedAt: Date, endedAt: Date?, now: Date) -> (at: Date, automatic: Bool)? {
        let limit = startedAt.addingTimeInterval(maximumDuration)
        if let endedAt { return endedAt > limit ? (limit, true) : (max(endedAt, startedAt), false) }
        return now >= limit ? (limit, true) : nil
    }

    /// Whether the phone should record `fix` after `last` (the last position it recorded).
    public static func shouldRecord(_ fix: PatrolFix, after last: PatrolFix?) -> Bool {
        guard let last else { return true }
        return fix.at.timeIntervalSince(last.at) >= recordEvery || last.position.distance(to: fix.position) >= recordAfterMetres
    }
}

/// Why a patrol sent from a phone is refused, field by field.
public enum PatrolRefusal: String, Error, Sendable, Hashable, CaseIterable {
    /// The start lies in the future (beyond the phone's clock skew).
    case startInFuture
    /// The patrol started longer ago than a phone may keep what it did (`OfflineTiming.maximumAge`).
    case startTooOld
    /// The end lies before the start or in the future.
    case endOutOfOrder
    /// A position lies outside the patrol's time or has impossible coordinates.
    case pointOutOfRange

    /// The checks of a patrol sent at `receivedAt`: each refusal once, in the order of the fields.
    public static func check(startedAt: Date, endedAt: Date?, points: [PatrolFix], receivedAt: Date) -> [PatrolRefusal] {
        var refusals: [PatrolRefusal] = []
        let latest = receivedAt.addingTimeInterval(OfflineTiming.allowedSkew)
        if startedAt > latest { refusals.append(.startInFuture) }
        if receivedAt.timeIntervalSince(startedAt) > OfflineTiming.maximumAge { refusals.append(.startTooOld) }
        if let endedAt, endedAt < startedAt || endedAt > latest { refusals.append(.endOutOfOrder) }
        let bad = points.contains { !$0.position.isValidWGS84 || $0.at < startedAt || $0.at > latest }
        if bad { refusals.append(.pointOutOfRange) }
        return refusals
    }
}

/// A grid member's patrol figures over a period (DB15/T 3005-2023-style indicators: 巡查时长, 巡查里程, 发现上报数).
public struct PatrolFigures: Sendable, Hashable, Codable {
    public var patrols = 0
    public var seconds: TimeInterval = 0
    public var metres: Double = 0
    public var reports = 0

    public init() {}

    /// Adds one ended (or running, up to `now`) patrol.
    public mutating func add(startedAt: Date, endedAt: Date, metres: Double, reports: Int) {
        patrols += 1
        seconds += max(0, endedAt.timeIntervalSince(startedAt))
        self.metres += max(0, metres)
        self.reports += reports
    }

    /// Hours to one decimal, kilometres to one decimal.
    public var hoursText: String { String(format: "%.1f", seconds / 3_600) }
    public var kilometresText: String { String(format: "%.1f", metres / 1_000) }
}
