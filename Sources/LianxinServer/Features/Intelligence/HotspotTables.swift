import Vapor
import Fluent

/// Tunable parameters of the intelligence features, one JSON document per name (`hotspots`), so
/// that each county tunes them as data.
final class IntelligenceParameters: Model, @unchecked Sendable {
    static let schema = "intelligence_parameters"

    @ID(custom: "name", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "updated_by") var updatedBy: String

    init() {}
}

/// One pass of hotspot detection over a window of orders. Scheduled passes claim their slot (the
/// hour) by its unique key, so with several instances each slot runs once.
final class HotspotRun: Model, @unchecked Sendable {
    static let schema = "hotspot_runs"

    @ID(key: .id) var id: UUID?
    @Field(key: "slot") var slot: String
    @Field(key: "window_end") var windowEnd: Date
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?
    @Field(key: "parameters") var parameters: String
    @Field(key: "order_count") var orderCount: Int
    @Field(key: "hotspot_count") var hotspotCount: Int
    @Field(key: "duration_ms") var durationMilliseconds: Double

    init() {}
}

/// A hotspot found by a run: where, what, how many, the trend, and what was done about it.
final class HotspotRecord: Model, @unchecked Sendable {
    static let schema = "hotspots"

    @ID(key: .id) var id: UUID?
    @Field(key: "run_id") var runID: UUID
    /// The smallest division holding every member.
    @Field(key: "division_code") var divisionCode: String
    /// The division most members were filed in (where a task is routed).
    @Field(key: "main_division_code") var mainDivisionCode: String
    @Field(key: "latitude") var latitude: Double
    @Field(key: "longitude") var longitude: Double
    @Field(key: "radius_m") var radiusMeters: Double
    @Field(key: "order_count") var orderCount: Int
    @Field(key: "previous_count") var previousCount: Int
    @Field(key: "trend") var trend: String
    /// The most frequent category (a leaf code).
    @Field(key: "category_code") var categoryCode: String
    /// JSON: `[{"category": code, "count": n}]`, most frequent first.
    @Field(key: "categories") var categories: String
    @Field(key: "first_at") var firstAt: Date
    @Field(key: "last_at") var lastAt: Date
    /// JSON array of member order ids, earliest first.
    @Field(key: "member_ids") var memberIDs: String
    /// JSON array of sample order ids, latest first.
    @Field(key: "sample_ids") var sampleIDs: String
    /// `open`, `tasked` (a proactive task exists) or `dismissed`.
    @Field(key: "status") var status: String
    @OptionalField(key: "task_order_id") var taskOrderID: UUID?
    @OptionalField(key: "handled_by") var handledBy: UUID?
    @OptionalField(key: "handled_at") var handledAt: Date?
    @OptionalField(key: "note") var note: String?

    init() {}
}
