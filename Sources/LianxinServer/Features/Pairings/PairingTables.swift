import Vapor
import Fluent

/// 片区: grids grouped under one leader.
final class GridCluster: Model, @unchecked Sendable {
    static let schema = "grid_clusters"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    /// The smallest division holding its grids (scope).
    @Field(key: "division_code") var divisionCode: String
    /// JSON array of grid codes.
    @Field(key: "grid_codes") var gridCodes: String
    @OptionalField(key: "leader_id") var leaderID: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// One pairing (结对): a party member with a household (党员联户), a cadre with a natural village or
/// community (群众贴心人), or a leader with a grid cluster (领导包片). Ended, never deleted.
final class Pairing: Model, @unchecked Sendable {
    static let schema = "pairings"

    @ID(key: .id) var id: UUID?
    /// `partyMember` (target: a household), `cadre` (a village or community division), `leader` (a grid cluster).
    @Field(key: "kind") var kind: String
    @Field(key: "person_name") var personName: String
    @OptionalField(key: "person_id") var personID: UUID?
    /// The household id, the division code or the cluster id, as text.
    @Field(key: "target") var target: String
    /// The community (or township, for clusters) the target lies in: the scope of the row.
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "valid_from") var validFrom: Date
    @OptionalField(key: "valid_to") var validTo: Date?

    init() {}
}
