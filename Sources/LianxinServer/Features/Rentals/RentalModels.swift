import Fluent
import Foundation

/// 出租屋: a rental unit with a QR code; tenants check in and out by scanning it (人来即管、人走即清).
final class RentalUnit: Model, @unchecked Sendable {
    static let schema = "rental_units"

    @ID(key: .id) var id: UUID?
    /// The random, unguessable code in the QR payload (`/p/checkin/{code}`).
    @Field(key: "public_code") var publicCode: String
    @OptionalField(key: "building_id") var buildingID: UUID?
    /// The address as people say it, e.g. 上滩头小区 3 栋 2-301.
    @Field(key: "address") var address: String
    @Field(key: "grid_code") var gridCode: String
    @Field(key: "community_code") var communityCode: String
    @Field(key: "landlord_name") var landlordName: String
    @Field(key: "landlord_phone_cipher") var landlordPhoneCipher: Data
    @Field(key: "landlord_phone_index") var landlordPhoneIndex: String
    /// Keyed hash of the landlord link's token (the token itself is shown once).
    @Field(key: "landlord_token_hash") var landlordTokenHash: String
    @Field(key: "active") var active: Bool
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// 扫码入住: one tenant's stay in a rental unit, from the move-in date until check-out.
final class Tenancy: Model, @unchecked Sendable {
    static let schema = "tenancies"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    /// The unit's grid and community, kept here so that scope is one filter on this table.
    @Field(key: "grid_code") var gridCode: String
    @Field(key: "community_code") var communityCode: String
    @Field(key: "name") var name: String
    @Field(key: "id_number_cipher") var idNumberCipher: Data
    @Field(key: "id_number_index") var idNumberIndex: String
    @Field(key: "phone_cipher") var phoneCipher: Data
    @Field(key: "phone_index") var phoneIndex: String
    @Field(key: "gender") var gender: String
    /// YYYY-MM-DD, from the ID number.
    @Field(key: "birth_date") var birthDate: String
    /// 户籍地: the canonical division code of the household registration.
    @Field(key: "registration_division") var registrationDivision: String
    /// YYYY-MM-DD (Beijing time).
    @Field(key: "moved_in") var movedIn: String
    /// YYYY-MM-DD; nil while the tenant lives there.
    @OptionalField(key: "moved_out") var movedOut: String?
    @Field(key: "created_at") var createdAt: Date
    /// Who closed the stay, e.g. `landlord:<unit code>`.
    @OptionalField(key: "checked_out_by") var checkedOutBy: String?

    init() {}
}

/// A grid member's task, e.g. 人住即访: visit a new tenant within 24 hours.
final class VisitTask: Model, @unchecked Sendable {
    static let schema = "visit_tasks"

    @ID(key: .id) var id: UUID?
    /// `newTenant`.
    @Field(key: "kind") var kind: String
    @Field(key: "grid_code") var gridCode: String
    /// The grid's full-time member when the task was raised; nil when the grid had none.
    @OptionalField(key: "assignee_id") var assigneeID: UUID?
    @OptionalField(key: "tenancy_id") var tenancyID: UUID?
    @Field(key: "due_at") var dueAt: Date
    @OptionalField(key: "done_at") var doneAt: Date?
    @OptionalField(key: "note") var note: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

extension Tenancy: RegistryScoped {
    var gridCodeField: FieldProperty<Tenancy, String> { $gridCode }
    var communityCodeField: FieldProperty<Tenancy, String> { $communityCode }
}

extension RentalUnit: RegistryScoped {
    var gridCodeField: FieldProperty<RentalUnit, String> { $gridCode }
    var communityCodeField: FieldProperty<RentalUnit, String> { $communityCode }
}
