import Fluent
import Foundation
import Vapor

/// A field of a household (农耕地), recorded field by field: its area, crop and whether the household lacks hands.
final class FarmField: Model, @unchecked Sendable {
    static let schema = "farm_fields"
    @ID(key: .id) var id: UUID?
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "community_code") var communityCode: String
    @Field(key: "name") var name: String
    /// Tenths of a mu.
    @Field(key: "area_tenths") var areaTenths: Int
    @Field(key: "crop") var crop: String
    @Field(key: "labour_short") var labourShort: Bool
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A mutual-aid team of a village (农耕地互助队) and its member households.
final class FarmTeam: Model, @unchecked Sendable {
    static let schema = "farm_teams"
    @ID(key: .id) var id: UUID?
    @Field(key: "community_code") var communityCode: String
    @Field(key: "name") var name: String
    @Field(key: "leader") var leader: String
    /// Member household ids, `;`-separated.
    @Field(key: "members") var members: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A household's request for help with one field at a busy season, and what became of it.
final class FarmRequest: Model, @unchecked Sendable {
    static let schema = "farm_requests"
    @ID(key: .id) var id: UUID?
    @Field(key: "community_code") var communityCode: String
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "field_id") var fieldID: UUID
    @Field(key: "task") var task: String
    @Field(key: "season") var season: String
    /// `YYYY-MM-DD`.
    @Field(key: "wanted_on") var wantedOn: String
    /// Tenths of a person-day.
    @Field(key: "days_tenths") var daysTenths: Int
    @Field(key: "status") var status: String
    @OptionalField(key: "team_id") var teamID: UUID?
    @OptionalField(key: "done_on") var doneOn: String?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// Days one household gave another on a request (换工).
final class FarmExchange: Model, @unchecked Sendable {
    static let schema = "farm_exchanges"
    @ID(key: .id) var id: UUID?
    @Field(key: "request_id") var requestID: UUID
    @Field(key: "community_code") var communityCode: String
    @Field(key: "helper_household_id") var helperHouseholdID: UUID
    @Field(key: "host_household_id") var hostHouseholdID: UUID
    @Field(key: "tenths") var tenths: Int
    /// `YYYY-MM-DD`.
    @Field(key: "worked_on") var workedOn: String
    init() {}
}
