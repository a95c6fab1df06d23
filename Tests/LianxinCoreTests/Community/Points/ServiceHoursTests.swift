import Foundation
import LianxinCore
import Testing

@Suite struct ServiceHoursTests {
    private let volunteer = CommunityFixtures.id(1)

    private func session(_ checkIn: String, _ checkOut: String, for volunteerID: UUID? = nil) throws -> ServiceSession {
        try ServiceSession(
            volunteerID: volunteerID ?? volunteer, checkIn: CommunityFixtures.instant(checkIn),
            checkOut: CommunityFixtures.instant(checkOut))
    }

    @Test func aDaysServiceIsRoundedToTheNearestQuarterHour() throws {
        let days = try ServiceHours.credited(
            [
                session("2025-03-06 14:02", "2025-03-06 16:55"),  // 2 h 53 min → 3 h
                session("2025-03-07 14:00", "2025-03-07 15:07"),  // 1 h 7 min → 1 h (7 min is under half a quarter)
                session("2025-03-08 14:00", "2025-03-08 14:05"),  // 5 min → nothing
            ], dailyCapMinutes: 480)
        #expect(days.map(\.minutes) == [180, 60])
        #expect(days.map(\.day) == ["2025-03-06", "2025-03-07"])
        #expect(days.first?.hours == 3)
    }

    @Test func sevenAndAHalfMinutesRoundUp() throws {
        let checkIn = CommunityFixtures.instant("2025-03-06 14:00")
        let session = try ServiceSession(volunteerID: volunteer, checkIn: checkIn, checkOut: checkIn.addingTimeInterval(450))
        #expect(ServiceHours.credited([session], dailyCapMinutes: 480).map(\.minutes) == [15])
    }

    @Test func aDayIsCappedAfterItsSessionsAreAdded() throws {
        let days = try ServiceHours.credited(
            [
                session("2025-03-06 07:00", "2025-03-06 12:00"),
                session("2025-03-06 13:00", "2025-03-06 19:00"),
            ], dailyCapMinutes: 480)
        #expect(days.map(\.minutes) == [480])
    }

    @Test func overlappingSessionsCountOnce() throws {
        let days = try ServiceHours.credited(
            [
                session("2025-03-06 14:00", "2025-03-06 16:00"),
                session("2025-03-06 15:00", "2025-03-06 17:00"),
                session("2025-03-06 15:30", "2025-03-06 16:30"),
            ], dailyCapMinutes: 480)
        #expect(days.map(\.minutes) == [180])
    }

    @Test func aSessionPastMidnightCountsOnItsCheckInDay() throws {
        let days = try ServiceHours.credited([session("2025-03-06 22:00", "2025-03-07 01:00")], dailyCapMinutes: 480)
        #expect(days.map(\.day) == ["2025-03-06"])
        #expect(days.map(\.minutes) == [180])
    }

    @Test func daysAreCountedInBeijingTime() throws {
        // 07:30 Beijing time is still the previous day in UTC.
        let days = try ServiceHours.credited([session("2025-03-06 07:30", "2025-03-06 09:30")], dailyCapMinutes: 480)
        #expect(days.map(\.day) == ["2025-03-06"])
    }

    @Test func eachVolunteerIsCreditedSeparately() throws {
        let other = CommunityFixtures.id(2)
        let days = try ServiceHours.credited(
            [
                session("2025-03-06 14:00", "2025-03-06 16:00", for: other),
                session("2025-03-06 14:00", "2025-03-06 17:00"),
            ], dailyCapMinutes: 480)
        #expect(days.map(\.volunteerID) == [volunteer, other])
        #expect(days.map(\.minutes) == [180, 120])
    }

    @Test func aCheckOutBeforeTheCheckInIsRefused() {
        #expect(
            throws: ServiceHoursError.checkOutBeforeCheckIn(
                volunteerID: volunteer, checkIn: CommunityFixtures.instant("2025-03-06 17:00"),
                checkOut: CommunityFixtures.instant("2025-03-06 14:00"))
        ) {
            try session("2025-03-06 17:00", "2025-03-06 14:00")
        }
    }

    @Test func storedSessionsThatEndBeforeTheyStartAreRefused() {
        let json = #"{"volunteerID":"00000000-0000-0000-0000-000000000001","checkIn":100,"checkOut":50}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ServiceSession.self, from: Data(json.utf8)) }
    }
}
