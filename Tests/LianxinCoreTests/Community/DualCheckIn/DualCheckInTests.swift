import Foundation
import LianxinCore
import Testing

@Suite struct DualCheckInTests {
    private let home = DivisionCode("360702001001")!
    private let elsewhere = DivisionCode("360702001002")!
    private let quarter = Quarter(year: 2025, number: 1)!

    private func member(_ number: Int) -> InServicePartyMember {
        InServicePartyMember(id: CommunityFixtures.id(number), residentialCommunity: home)
    }

    private func attended(_ number: Int, _ community: DivisionCode, _ time: String) -> CommunityAttendance {
        CommunityAttendance(memberID: CommunityFixtures.id(number), community: community, time: CommunityFixtures.instant(time))
    }

    @Test func membersWithoutAnActivityAtHomeThisQuarterAreListed() {
        let members = [member(1), member(2), member(3), member(4)]
        let missing = DualCheckIn.membersMissing(
            quarter, members: members,
            attendances: [
                attended(1, home, "2025-02-15 09:00"),
                attended(2, elsewhere, "2025-02-15 09:00"),
                attended(3, home, "2024-12-28 09:00"),
            ])
        #expect(missing == [member(2), member(3), member(4)])
    }

    @Test func theQuarterIsCountedInBeijingTime() {
        // 00:30 on 1 January in Beijing is still 2024 in UTC, but it counts for 2025-Q1.
        let missing = DualCheckIn.membersMissing(
            quarter, members: [member(1), member(2)],
            attendances: [
                attended(1, home, "2025-01-01 00:30"),
                attended(2, home, "2025-04-01 00:30"),
            ])
        #expect(missing == [member(2)])
    }

    @Test func aCommunityCodeWrittenPaddedOrNotIsTheSameCommunity() {
        let padded = DivisionCode("360702001001")!
        let missing = DualCheckIn.membersMissing(
            quarter, members: [member(1)],
            attendances: [
                attended(1, padded, "2025-03-01 09:00")
            ])
        #expect(missing.isEmpty)
    }
}
