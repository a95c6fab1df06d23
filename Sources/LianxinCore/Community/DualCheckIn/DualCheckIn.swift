import Foundation

/// 双报到: each in-service party member joins at least one activity per quarter in their residential community.
public enum DualCheckIn {
    /// The members with no attendance in their own residential community during `quarter` (Beijing time), in the
    /// order given; activities in other communities do not count.
    public static func membersMissing(
        _ quarter: Quarter, members: [InServicePartyMember], attendances: [CommunityAttendance]
    ) -> [InServicePartyMember] {
        let days = quarter.days
        let reported = Set(
            attendances.lazy
                .filter { days.contains(ShanghaiTime.day(of: $0.time)) }
                .map { MemberCommunity(memberID: $0.memberID, community: $0.community) })
        return members.filter { !reported.contains(MemberCommunity(memberID: $0.id, community: $0.residentialCommunity)) }
    }

    private struct MemberCommunity: Hashable {
        let memberID: UUID
        let community: DivisionCode
    }
}
