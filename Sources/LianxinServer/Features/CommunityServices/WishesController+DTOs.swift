import Vapor
import Fluent
import Crypto
import LianxinCore

/// What the wish endpoints accept and answer with.
extension WishesController {
    struct WishInput: Content {
        var communityCode: String?
        var residentName: String?
        var phone: String?
        var title: String?
        var details: String?
    }

    struct ClaimInput: Content {
        var claimantKind: String?
        var claimantName: String?
        /// The volunteer's id, when a registered volunteer (or party member) claims it; earns the wish points.
        var volunteerId: UUID?
    }

    struct WishDTO: Content {
        var id: UUID
        var communityCode: String
        var residentName: String
        var phone: String?
        var title: String
        var details: String
        var status: String
        var statusTitle: String
        var claimantKind: String?
        var claimantName: String?
        var volunteerId: UUID?
        var claimedAt: Date?
        var fulfilmentNote: String?
        var photoUrl: String?
        var fulfilledAt: Date?
        var confirmedAt: Date?
        var createdAt: Date
    }

    /// A wish on the public wall: the resident's name masked, numbers in the text starred, no phone.
    struct WallWish: Content {
        var id: UUID
        var communityCode: String
        var communityName: String
        var resident: String
        var title: String
        var details: String
        var status: String
        var statusTitle: String
        var claimant: String?
        var createdAt: Date
    }
}
