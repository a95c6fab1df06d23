import Foundation
import Testing
@testable import LianxinCore

/// A patrol's positions, distance, automatic end and the checks of what a phone sends.
@Suite struct PatrolTrackTests {
    let start = beijingTime("2026-12-07 08:00")
    /// About 111 m north per 0.001 degree of latitude.
    func fix(_ minutes: Double, north: Double, east: Double = 0) -> PatrolFix {
        PatrolFix(at: start.addingTimeInterval(minutes * 60), position: GeoPoint(lon: 115.0 + east, lat: 27.0 + north))
    }

    @Test func distanceFollowsThePathThroughThePoints() {
        let points = [fix(0, north: 0), fix(1, north: 0.001), fix(2, north: 0.002), fix(3, north: 0.001)]
        let metres = PatrolTrack.distance(PatrolTrack.plausible(points, from: start, to: start.addingTimeInterval(3_600)))
        // Three legs of about 111.2 m each.
        #expect(abs(metres - 333.6) < 1, "three legs of 0.001° latitude, got \(metres)")
        #expect(PatrolTrack.distance([]) == 0)
        #expect(PatrolTrack.distance([fix(0, north: 0)]) == 0)
    }

    @Test func aJumpFasterThan120KilometresAnHourIsDropped() {
        // 0.1° latitude (≈ 11 km) in one minute is ≈ 667 km/h: a bad fix; the walk goes on from the last good one.
        let points = [fix(0, north: 0), fix(1, north: 0.001), fix(2, north: 0.101), fix(3, north: 0.002)]
        let kept = PatrolTrack.plausible(points, from: start, to: start.addingTimeInterval(3_600))
        #expect(kept.map(\.at) == [points[0].at, points[1].at, points[3].at])
        // 1.9 km in one minute (114 km/h) is kept: a car on a main road.
        let fast = [fix(0, north: 0), fix(1, north: 0.0171)]
        #expect(PatrolTrack.plausible(fast, from: start, to: start.addingTimeInterval(600)).count == 2)
    }

    @Test func positionsOutsideThePatrolOrRepeatedAreLeftOut() {
        let points = [
            fix(-5, north: 0), fix(3, north: 0.002), fix(1, north: 0.001), fix(1, north: 0.001), fix(90, north: 0.003),
            PatrolFix(at: start.addingTimeInterval(120), position: GeoPoint(lon: 200, lat: 27)),
        ]
        let kept = PatrolTrack.plausible(points, from: start, to: start.addingTimeInterval(3_600))
        #expect(kept.map(\.at) == [start.addingTimeInterval(60), start.addingTimeInterval(180)], "in time order, once each")
    }

    @Test func aPatrolNobodyEndedEndsByItselfAfter12Hours() throws {
        #expect(PatrolTrack.end(startedAt: start, endedAt: nil, now: start.addingTimeInterval(3_600)) == nil)
        let auto = try #require(PatrolTrack.end(startedAt: start, endedAt: nil, now: start.addingTimeInterval(13 * 3_600)))
        #expect(auto.at == start.addingTimeInterval(12 * 3_600) && auto.automatic)
        let late = try #require(PatrolTrack.end(startedAt: start, endedAt: start.addingTimeInterval(20 * 3_600), now: start))
        #expect(late.at == start.addingTimeInterval(12 * 3_600) && late.automatic)
        let ended = try #require(PatrolTrack.end(startedAt: start, endedAt: start.addingTimeInterval(7_200), now: start))
        #expect(ended.at == start.addingTimeInterval(7_200) && !ended.automatic)
    }

    @Test func thePhoneRecordsEvery30SecondsOr50Metres() {
        #expect(PatrolTrack.shouldRecord(fix(0, north: 0), after: nil))
        #expect(!PatrolTrack.shouldRecord(fix(0.25, north: 0.0001), after: fix(0, north: 0)), "15 s and 11 m: not yet")
        #expect(PatrolTrack.shouldRecord(fix(0.5, north: 0.0001), after: fix(0, north: 0)), "30 s")
        #expect(PatrolTrack.shouldRecord(fix(0.1, north: 0.0005), after: fix(0, north: 0)), "56 m")
    }

    @Test func whatAPhoneSendsIsChecked() {
        let now = start.addingTimeInterval(3_600)
        #expect(PatrolRefusal.check(startedAt: start, endedAt: now, points: [fix(5, north: 0)], receivedAt: now).isEmpty)
        #expect(PatrolRefusal.check(startedAt: now.addingTimeInterval(600), endedAt: nil, points: [], receivedAt: now) == [.startInFuture])
        #expect(PatrolRefusal.check(startedAt: now.addingTimeInterval(-73 * 3_600), endedAt: nil, points: [], receivedAt: now) == [.startTooOld])
        #expect(PatrolRefusal.check(startedAt: start, endedAt: start.addingTimeInterval(-60), points: [], receivedAt: now) == [.endOutOfOrder])
        #expect(PatrolRefusal.check(startedAt: start, endedAt: nil, points: [fix(-1, north: 0)], receivedAt: now) == [.pointOutOfRange])
    }

    @Test func figuresAddUpHoursKilometresAndReports() {
        var figures = PatrolFigures()
        figures.add(startedAt: start, endedAt: start.addingTimeInterval(5_400), metres: 2_500, reports: 2)
        figures.add(startedAt: start, endedAt: start.addingTimeInterval(1_800), metres: 1_000, reports: 1)
        #expect(figures.patrols == 2 && figures.reports == 3)
        #expect(figures.hoursText == "2.0" && figures.kilometresText == "3.5")
    }
}
