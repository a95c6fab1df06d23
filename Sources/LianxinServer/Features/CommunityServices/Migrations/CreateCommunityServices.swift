import Fluent

/// The community-services tables: service menu and orders, wishes, volunteers, activities, the points ledger,
/// merchants and exchanges, stations.
struct CreateCommunityServices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ServiceMenuItem.schema).id()
            .field("community_code", .string, .required).field("name", .string, .required)
            .field("description", .string, .required).field("active", .bool, .required).field("created_at", .datetime, .required)
            .create()
        try await database.schema(ServiceOrder.schema).id()
            .field("tracking_code", .string, .required).field("community_code", .string, .required)
            .field("item_id", .uuid, .required).field("item_name", .string, .required)
            .field("resident_name", .string, .required).field("phone_cipher", .data, .required)
            .field("address", .string, .required).field("note", .string, .required).field("status", .string, .required)
            .field("volunteer_id", .uuid).field("source", .string, .required).field("ordered_by", .uuid)
            .field("completion_note", .string).field("satisfaction", .string).field("solved", .bool).field("comment", .string)
            .field("created_at", .datetime, .required).field("updated_at", .datetime, .required).field("events", .int, .required)
            .unique(on: "tracking_code")
            .create()
        try await database.schema(ServiceOrderEvent.schema).id()
            .field("order_id", .uuid, .required).field("sequence", .int, .required).field("action", .string, .required)
            .field("from_status", .string).field("to_status", .string, .required).field("actor", .string, .required)
            .field("volunteer_id", .uuid).field("note", .string).field("at", .datetime, .required)
            .unique(on: "order_id", "sequence")
            .create()
        try await database.schema(Wish.schema).id()
            .field("community_code", .string, .required).field("resident_name", .string, .required).field("phone_cipher", .data)
            .field("title", .string, .required).field("details", .string, .required).field("status", .string, .required)
            .field("claimant_kind", .string).field("claimant_name", .string).field("volunteer_id", .uuid).field("claimed_at", .datetime)
            .field("fulfilment_note", .string).field("photo_key", .string).field("photo_type", .string)
            .field("fulfilled_at", .datetime).field("confirmed_at", .datetime)
            .field("posted_by", .uuid, .required).field("created_at", .datetime, .required)
            .create()
        try await database.schema(Volunteer.schema).id()
            .field("community_code", .string, .required).field("name", .string, .required)
            .field("phone_cipher", .data, .required).field("phone_index", .string, .required).field("team_id", .uuid)
            .field("party_member", .bool, .required).field("in_service", .bool, .required).field("workplace", .string)
            .field("registered_at", .datetime, .required)
            .unique(on: "phone_index")
            .create()
        try await database.schema(VolunteerTeam.schema).id()
            .field("community_code", .string, .required).field("name", .string, .required).field("created_at", .datetime, .required)
            .unique(on: "community_code", "name")
            .create()
        try await database.schema(Activity.schema).id()
            .field("community_code", .string, .required).field("title", .string, .required).field("place", .string, .required)
            .field("starts_at", .datetime, .required).field("ends_at", .datetime, .required).field("capacity", .int, .required)
            .field("checkin_code", .string, .required).field("created_by", .uuid, .required).field("created_at", .datetime, .required)
            .unique(on: "checkin_code")
            .create()
        try await database.schema(SignUp.schema).id()
            .field("activity_id", .uuid, .required).field("volunteer_id", .uuid, .required).field("community_code", .string, .required)
            .field("signed_up_at", .datetime, .required).field("checked_in_at", .datetime).field("checked_out_at", .datetime)
            .field("checked_by", .string).field("minutes", .int)
            .unique(on: "activity_id", "volunteer_id")
            .create()
        try await database.schema(PointsEntryRecord.schema).id()
            .field("volunteer_id", .uuid, .required).field("community_code", .string, .required).field("amount", .int, .required)
            .field("reason", .string, .required).field("reference_id", .uuid, .required).field("at", .datetime, .required)
            .unique(on: "volunteer_id", "reason", "reference_id")
            .create()
        try await database.schema(EarnRulesRecord.schema)
            .field("community_code", .string, .identifier(auto: false))
            .field("points_per_hour", .int, .required).field("rounding", .string, .required)
            .field("points_per_wish", .int, .required).field("points_per_event", .int, .required).field("updated_at", .datetime, .required)
            .create()
        try await database.schema(Merchant.schema).id()
            .field("community_code", .string, .required).field("name", .string, .required).field("address", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(MerchantGoods.schema).id()
            .field("merchant_id", .uuid, .required).field("community_code", .string, .required).field("name", .string, .required)
            .field("points", .int, .required).field("stock", .int, .required)
            .create()
        try await database.schema(Exchange.schema).id()
            .field("volunteer_id", .uuid, .required).field("goods_id", .uuid, .required).field("community_code", .string, .required)
            .field("quantity", .int, .required).field("points", .int, .required).field("recorded_by", .uuid, .required)
            .field("at", .datetime, .required)
            .create()
        try await database.schema(ServiceStation.schema).id()
            .field("community_code", .string, .required).field("name", .string, .required).field("kind", .string, .required)
            .field("address", .string, .required).field("latitude", .double, .required).field("longitude", .double, .required)
            .field("services", .string, .required).field("opening_hours", .string, .required).field("phone", .string, .required)
            .field("active", .bool, .required).field("created_at", .datetime, .required)
            .create()
        for (table, columns) in [
            (ServiceOrder.schema, ["community_code", "status"]), (Wish.schema, ["community_code", "status"]),
            (PointsEntryRecord.schema, ["volunteer_id"]), (SignUp.schema, ["volunteer_id"]),
            (Volunteer.schema, ["community_code"]), (ServiceOrderEvent.schema, ["order_id"]),
        ] {
            try await database.index(on: table, name: "\(table)_\(columns.joined(separator: "_"))", columns: columns)
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [
            ServiceStation.schema, Exchange.schema, MerchantGoods.schema, Merchant.schema,
            EarnRulesRecord.schema, PointsEntryRecord.schema, SignUp.schema, Activity.schema,
            VolunteerTeam.schema, Volunteer.schema, Wish.schema, ServiceOrderEvent.schema,
            ServiceOrder.schema, ServiceMenuItem.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
