import Vapor
import Fluent

// Every row carries the community (社区/村) it belongs to: the scope staff see it by.

/// One service on a community's menu (上门理发, 磨刀, 家电维修, 社保认证帮办…).
final class ServiceMenuItem: Model, @unchecked Sendable {
    static let schema = "cs_service_items"
    @ID(key: .id) var id: UUID?
    @Field(key: "community_code") var communityCode: String
    @Field(key: "name") var name: String
    @Field(key: "description") var details: String
    @Field(key: "active") var active: Bool
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A service order (居民点单): the resident, the chosen service, who took it and how it went.
final class ServiceOrder: Model, @unchecked Sendable {
    static let schema = "cs_service_orders"
    @ID(key: .id) var id: UUID?
    @Field(key: "tracking_code") var trackingCode: String
    @Field(key: "community_code") var communityCode: String
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "item_name") var itemName: String
    @Field(key: "resident_name") var residentName: String
    @Field(key: "phone_cipher") var phoneCipher: Data
    @Field(key: "address") var address: String
    @Field(key: "note") var note: String
    /// `ServiceOrderStatus`.
    @Field(key: "status") var status: String
    @OptionalField(key: "volunteer_id") var volunteerID: UUID?
    /// `public` (the resident on /p/services) or `staff` (a grid member or community staff for the resident).
    @Field(key: "source") var source: String
    @OptionalField(key: "ordered_by") var orderedBy: UUID?
    @OptionalField(key: "completion_note") var completionNote: String?
    @OptionalField(key: "satisfaction") var satisfaction: String?
    @OptionalField(key: "solved") var solved: Bool?
    @OptionalField(key: "comment") var comment: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    /// How many events the order has; the next event's sequence is one more (unique per order, so that two
    /// simultaneous actions on one order cannot both succeed).
    @Field(key: "events") var events: Int
    init() {}
}

/// One step in a service order's history; appended, never changed.
final class ServiceOrderEvent: Model, @unchecked Sendable {
    static let schema = "cs_service_order_events"
    @ID(key: .id) var id: UUID?
    @Field(key: "order_id") var orderID: UUID
    @Field(key: "sequence") var sequence: Int
    @Field(key: "action") var action: String
    @OptionalField(key: "from_status") var fromStatus: String?
    @Field(key: "to_status") var toStatus: String
    /// `resident`, or the staff member's username.
    @Field(key: "actor") var actor: String
    @OptionalField(key: "volunteer_id") var volunteerID: UUID?
    @OptionalField(key: "note") var note: String?
    @Field(key: "at") var at: Date
    init() {}
}

/// A 微心愿 posted for a resident, and who claimed and fulfilled it.
final class Wish: Model, @unchecked Sendable {
    static let schema = "cs_wishes"
    @ID(key: .id) var id: UUID?
    @Field(key: "community_code") var communityCode: String
    @Field(key: "resident_name") var residentName: String
    @OptionalField(key: "phone_cipher") var phoneCipher: Data?
    @Field(key: "title") var title: String
    @Field(key: "details") var details: String
    /// `WishStatus`.
    @Field(key: "status") var status: String
    @OptionalField(key: "claimant_kind") var claimantKind: String?
    @OptionalField(key: "claimant_name") var claimantName: String?
    @OptionalField(key: "volunteer_id") var volunteerID: UUID?
    @OptionalField(key: "claimed_at") var claimedAt: Date?
    @OptionalField(key: "fulfilment_note") var fulfilmentNote: String?
    @OptionalField(key: "photo_key") var photoKey: String?
    @OptionalField(key: "photo_type") var photoType: String?
    @OptionalField(key: "fulfilled_at") var fulfilledAt: Date?
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @Field(key: "posted_by") var postedBy: UUID
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A registered volunteer (志愿者); party members are flagged, in-service ones (在职党员) report to the community
/// where they live (双报到), which is `communityCode`.
final class Volunteer: Model, @unchecked Sendable {
    static let schema = "cs_volunteers"
    @ID(key: .id) var id: UUID?
    @Field(key: "community_code") var communityCode: String
    @Field(key: "name") var name: String
    @Field(key: "phone_cipher") var phoneCipher: Data
    @Field(key: "phone_index") var phoneIndex: String
    @OptionalField(key: "team_id") var teamID: UUID?
    @Field(key: "party_member") var partyMember: Bool
    @Field(key: "in_service") var inService: Bool
    @OptionalField(key: "workplace") var workplace: String?
    @Field(key: "registered_at") var registeredAt: Date
    /// The hash of the volunteer's personal link (`/p/volunteer/{token}`), when one was issued.
    @OptionalField(key: "link_token_hash") var linkTokenHash: String?
    init() {}
}

/// A volunteer team (志愿服务队).
final class VolunteerTeam: Model, @unchecked Sendable {
    static let schema = "cs_volunteer_teams"
    @ID(key: .id) var id: UUID?
    @Field(key: "community_code") var communityCode: String
    @Field(key: "name") var name: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A volunteer activity with sign-up, and the code its QR check-in page opens with.
final class Activity: Model, @unchecked Sendable {
    static let schema = "cs_activities"
    @ID(key: .id) var id: UUID?
    @Field(key: "community_code") var communityCode: String
    @Field(key: "title") var title: String
    @Field(key: "place") var place: String
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    @Field(key: "capacity") var capacity: Int
    @Field(key: "checkin_code") var checkinCode: String
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A volunteer's sign-up for an activity, with check-in and check-out (by QR or by the organiser).
final class SignUp: Model, @unchecked Sendable {
    static let schema = "cs_activity_signups"
    @ID(key: .id) var id: UUID?
    @Field(key: "activity_id") var activityID: UUID
    @Field(key: "volunteer_id") var volunteerID: UUID
    @Field(key: "community_code") var communityCode: String
    @Field(key: "signed_up_at") var signedUpAt: Date
    @OptionalField(key: "checked_in_at") var checkedInAt: Date?
    @OptionalField(key: "checked_out_at") var checkedOutAt: Date?
    /// `qr` or `organiser`.
    @OptionalField(key: "checked_by") var checkedBy: String?
    /// Service minutes credited at check-out.
    @OptionalField(key: "minutes") var minutes: Int?
    init() {}
}

/// One line of the append-only points ledger; one per (volunteer, reason, reference), so nothing earns twice.
final class PointsEntryRecord: Model, @unchecked Sendable {
    static let schema = "cs_points_entries"
    @ID(key: .id) var id: UUID?
    @Field(key: "volunteer_id") var volunteerID: UUID
    @Field(key: "community_code") var communityCode: String
    @Field(key: "amount") var amount: Int
    /// `PointsReason`.
    @Field(key: "reason") var reason: String
    @Field(key: "reference_id") var referenceID: UUID
    @Field(key: "at") var at: Date
    init() {}
}

/// A community's earn rules (积分规则) as data; communities without a row use the defaults.
final class EarnRulesRecord: Model, @unchecked Sendable {
    static let schema = "cs_earn_rules"
    @ID(custom: "community_code", generatedBy: .user) var id: String?
    @Field(key: "points_per_hour") var pointsPerHour: Int
    @Field(key: "rounding") var rounding: String
    @Field(key: "points_per_wish") var pointsPerWish: Int
    @Field(key: "points_per_event") var pointsPerEvent: Int
    @Field(key: "updated_at") var updatedAt: Date
    init() {}
}

/// A caring merchant (爱心商家) where points are exchanged.
final class Merchant: Model, @unchecked Sendable {
    static let schema = "cs_merchants"
    @ID(key: .id) var id: UUID?
    @Field(key: "community_code") var communityCode: String
    @Field(key: "name") var name: String
    @Field(key: "address") var address: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// Goods a merchant offers for points, with the stock left.
final class MerchantGoods: Model, @unchecked Sendable {
    static let schema = "cs_merchant_goods"
    @ID(key: .id) var id: UUID?
    @Field(key: "merchant_id") var merchantID: UUID
    @Field(key: "community_code") var communityCode: String
    @Field(key: "name") var name: String
    @Field(key: "points") var points: Int
    @Field(key: "stock") var stock: Int
    init() {}
}

/// An exchange (积分兑换); its ledger entry has the exchange's id as reference.
final class Exchange: Model, @unchecked Sendable {
    static let schema = "cs_exchanges"
    @ID(key: .id) var id: UUID?
    @Field(key: "volunteer_id") var volunteerID: UUID
    @Field(key: "goods_id") var goodsID: UUID
    @Field(key: "community_code") var communityCode: String
    @Field(key: "quantity") var quantity: Int
    @Field(key: "points") var points: Int
    @Field(key: "recorded_by") var recordedBy: UUID
    @Field(key: "at") var at: Date
    init() {}
}

/// A service station (饶城e家, 虔新驿站, 幸福食堂…): where it is, what it offers, when it is open.
final class ServiceStation: Model, @unchecked Sendable {
    static let schema = "cs_stations"
    @ID(key: .id) var id: UUID?
    @Field(key: "community_code") var communityCode: String
    @Field(key: "name") var name: String
    /// `ServiceStationKind`.
    @Field(key: "kind") var kind: String
    @Field(key: "address") var address: String
    @Field(key: "latitude") var latitude: Double
    @Field(key: "longitude") var longitude: Double
    /// JSON list of services.
    @Field(key: "services") var services: String
    /// `OpeningHours` text.
    @Field(key: "opening_hours") var openingHours: String
    @Field(key: "phone") var phone: String
    @Field(key: "active") var active: Bool
    @Field(key: "created_at") var createdAt: Date
    init() {}
}
