import Foundation
import LianxinCore
import Testing

@Suite struct VolunteerRankingTests {
    private let march: ClosedRange<LocalDate> = "2025-03-01"..."2025-03-31"

    private func entry(_ number: Int, _ volunteer: Int, _ amount: Int, _ reason: PointsReason, _ time: String) throws -> PointsEntry {
        try PointsEntry(
            id: CommunityFixtures.id(100 + number), volunteerID: CommunityFixtures.id(volunteer), amount: amount,
            reason: reason, referenceID: nil, time: CommunityFixtures.instant(time))
    }

    @Test func tiedVolunteersShareARankAndTheNextRankIsSkipped() {
        let ranking = VolunteerRanking.ranked([
            CommunityFixtures.id(1): 50, CommunityFixtures.id(2): 80, CommunityFixtures.id(3): 80, CommunityFixtures.id(4): 20,
        ])
        #expect(ranking.map(\.rank) == [1, 1, 3, 4])
        #expect(ranking.map(\.volunteerID) == [2, 3, 1, 4].map(CommunityFixtures.id))
        #expect(ranking.map(\.score) == [80, 80, 50, 20])
    }

    @Test func aThreeWayTieAtTheTopLeavesRankFourNext() {
        let ranking = VolunteerRanking.ranked([
            CommunityFixtures.id(1): 5, CommunityFixtures.id(2): 5, CommunityFixtures.id(3): 5, CommunityFixtures.id(4): 1,
        ])
        #expect(ranking.map(\.rank) == [1, 1, 1, 4])
    }

    @Test func pointsRankingCountsEarningsInThePeriodAndIgnoresSpending() throws {
        let ranking = try VolunteerRanking.byPoints(
            [
                entry(1, 1, 30, .serviceHours, "2025-03-06 17:00"),
                entry(2, 1, -25, .exchange, "2025-03-10 10:00"),
                entry(3, 2, 20, .wishFulfilled, "2025-03-12 10:00"),
                entry(4, 2, 5, .adjustment, "2025-03-12 11:00"),
                entry(5, 3, 90, .serviceHours, "2025-04-01 00:30"),
                entry(6, 3, 10, .eventAttended, "2025-03-31 23:30"),
            ], in: march)
        #expect(ranking.map(\.volunteerID) == [1, 2, 3].map(CommunityFixtures.id))
        #expect(ranking.map(\.score) == [30, 25, 10])
        #expect(ranking.map(\.rank) == [1, 2, 3])
    }

    @Test func volunteersWithNothingToShowAreLeftOut() throws {
        let ranking = try VolunteerRanking.byPoints(
            [
                entry(1, 1, 10, .eventAttended, "2025-03-06 17:00"),
                entry(2, 1, -10, .adjustment, "2025-03-07 17:00"),
            ], in: march)
        #expect(ranking.isEmpty)
    }

    @Test func hoursRankingAddsCreditedMinutesInThePeriod() throws {
        let sessions = try [
            ServiceSession(
                volunteerID: CommunityFixtures.id(1), checkIn: CommunityFixtures.instant("2025-03-06 14:00"),
                checkOut: CommunityFixtures.instant("2025-03-06 17:00")),
            ServiceSession(
                volunteerID: CommunityFixtures.id(2), checkIn: CommunityFixtures.instant("2025-03-06 14:00"),
                checkOut: CommunityFixtures.instant("2025-03-06 16:00")),
            ServiceSession(
                volunteerID: CommunityFixtures.id(2), checkIn: CommunityFixtures.instant("2025-03-13 14:00"),
                checkOut: CommunityFixtures.instant("2025-03-13 15:00")),
            ServiceSession(
                volunteerID: CommunityFixtures.id(3), checkIn: CommunityFixtures.instant("2025-02-27 14:00"),
                checkOut: CommunityFixtures.instant("2025-02-27 18:00")),
        ]
        let ranking = VolunteerRanking.byServiceMinutes(ServiceHours.credited(sessions, dailyCapMinutes: 480), in: march)
        #expect(ranking.map(\.rank) == [1, 1])
        #expect(ranking.map(\.score) == [180, 180])
    }
}
