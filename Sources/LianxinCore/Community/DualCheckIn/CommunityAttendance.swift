import Foundation

/// A party member's attendance at a community activity.
public struct CommunityAttendance: Sendable, Hashable, Codable {
    public let memberID: UUID
    /// The community or village that held the activity.
    public let community: DivisionCode
    public let time: Date

    public init(memberID: UUID, community: DivisionCode, time: Date) {
        self.memberID = memberID
        self.community = community
        self.time = time
    }
}
