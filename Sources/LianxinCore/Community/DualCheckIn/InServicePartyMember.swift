import Foundation

/// An in-service party member (在职党员) who must also report to the community where they live (双报到).
public struct InServicePartyMember: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    /// The community or village where the member lives.
    public let residentialCommunity: DivisionCode

    public init(id: UUID, residentialCommunity: DivisionCode) {
        self.id = id
        self.residentialCommunity = residentialCommunity
    }
}
