import Fluent
import Foundation
import LianxinCore

/// A grid member's patrol (巡查, issue 21), started and ended in the field app and sent under the phone's key: the
/// member, their grid and community (its scope), when it started and ended (or ended by itself after 12 hours), and
/// the distance of its plausible positions.
final class Patrol: Model, @unchecked Sendable {
    static let schema = "patrols"

    @ID(key: .id) var id: UUID?
    /// The phone's key, unique per account: the same patrol sent again is the same row.
    @Field(key: "idempotency_key") var key: String
    @Field(key: "user_id") var userID: UUID
    @Field(key: "user_name") var userName: String
    @Field(key: "division_code") var divisionCode: String
    @OptionalField(key: "grid_code") var gridCode: String?
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "ended_at") var endedAt: Date?
    /// Ended by the 12-hour limit or by the next patrol, not by the person.
    @Field(key: "automatic_end") var automaticEnd: Bool
    /// Metres along the plausible positions, and how many positions those are.
    @Field(key: "metres") var metres: Double
    @Field(key: "point_count") var pointCount: Int
    @Field(key: "received_at") var receivedAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    /// When it ends, counting the 12-hour limit; nil while it runs.
    func end(now: Date) -> (at: Date, automatic: Bool)? {
        PatrolTrack.end(startedAt: startedAt, endedAt: endedAt, now: now).map { ($0.at, $0.automatic || automaticEnd) }
    }
}

/// One position of a patrol, as the phone took it (once per instant: sent again, it is not stored again).
final class PatrolPosition: Model, @unchecked Sendable {
    static let schema = "patrol_points"

    @ID(key: .id) var id: UUID?
    @Field(key: "patrol_id") var patrolID: UUID
    @Field(key: "recorded_at") var recordedAt: Date
    @Field(key: "latitude") var latitude: Double
    @Field(key: "longitude") var longitude: Double
    @Field(key: "received_at") var receivedAt: Date

    init() {}

    var fix: PatrolFix { PatrolFix(at: recordedAt, position: GeoPoint(lon: longitude, lat: latitude)) }
}
