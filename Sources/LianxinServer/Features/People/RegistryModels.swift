import Fluent
import Foundation

/// 楼栋: a building inside a grid; households live in it.
final class Building: Model, @unchecked Sendable {
    static let schema = "buildings"

    @ID(key: .id) var id: UUID?
    @Field(key: "grid_code") var gridCode: String
    @Field(key: "community_code") var communityCode: String
    /// The building's name or address as people say it, e.g. 上滩头小区 3 栋; unique within its grid.
    @Field(key: "name") var name: String
    /// residential, mixed, commercial, bungalow (平房) or other.
    @Field(key: "kind") var kind: String
    @Field(key: "created_at") var createdAt: Date
    /// Where it stands (WGS84), when known: lets a proposed grid count the households inside it.
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?

    init() {}
}

/// 户: one household at one door of a building.
final class Household: Model, @unchecked Sendable {
    static let schema = "households"

    @ID(key: .id) var id: UUID?
    @Field(key: "building_id") var buildingID: UUID
    /// Room or door number within the building, e.g. 2-301.
    @Field(key: "door") var door: String
    /// Building name and door, kept for sorting and display.
    @Field(key: "address") var address: String
    @Field(key: "grid_code") var gridCode: String
    @Field(key: "community_code") var communityCode: String
    @OptionalField(key: "head_resident_id") var headResidentID: UUID?
    /// Tag codes as `,a,b,` (empty: none), so that one LIKE finds a tag on both databases.
    @Field(key: "tags") var tags: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// 人: one registered resident. The ID number and phone are sealed with the field key and found
/// by their blind index; the birth date and gender come from the ID number.
final class Resident: Model, @unchecked Sendable {
    static let schema = "residents"

    @ID(key: .id) var id: UUID?
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "building_id") var buildingID: UUID
    @Field(key: "grid_code") var gridCode: String
    @Field(key: "community_code") var communityCode: String
    @Field(key: "name") var name: String
    @Field(key: "gender") var gender: String
    /// YYYY-MM-DD, from the ID number.
    @Field(key: "birth_date") var birthDate: String
    @Field(key: "id_number_cipher") var idNumberCipher: Data
    @Field(key: "id_number_index") var idNumberIndex: String
    @OptionalField(key: "phone_cipher") var phoneCipher: Data?
    @OptionalField(key: "phone_index") var phoneIndex: String?
    /// Relation to the head of the household (`HouseholdRelation`).
    @Field(key: "relation") var relation: String
    /// Tag codes as `,a,b,` (empty: none).
    @Field(key: "tags") var tags: String
    /// 户籍地: the division code of the household registration, when known.
    @OptionalField(key: "registration_division") var registrationDivision: String?
    /// permanent (户籍人口) or floating (流动人口).
    @Field(key: "residence_type") var residenceType: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// One entry of the configurable tag catalogue (人员标签), seeded with the glossary's list.
final class ResidentTagRecord: Model, @unchecked Sendable {
    static let schema = "resident_tag_catalog"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "chinese_label") var chineseLabel: String
    @Field(key: "english_label") var englishLabel: String
    @Field(key: "active") var active: Bool

    init() {}
}

/// A grid member's assignment to a grid (一网一员): full-time (accountable, at most one in force
/// per grid) or part-time helper, from a date until `validTo` (nil: in force).
final class GridStaffAssignment: Model, @unchecked Sendable {
    static let schema = "grid_staff"

    @ID(key: .id) var id: UUID?
    @Field(key: "grid_code") var gridCode: String
    @Field(key: "user_id") var userID: UUID
    /// fullTime or partTime.
    @Field(key: "role") var role: String
    @Field(key: "valid_from") var validFrom: Date
    @OptionalField(key: "valid_to") var validTo: Date?

    init() {}
}

/// How a resident relates to the head of the household (与户主关系).
enum HouseholdRelation: String, CaseIterable, Sendable {
    case head, spouse, child, parent, grandchild, grandparent, sibling, tenant, other

    /// The Chinese term, also accepted in import files.
    var chineseLabel: String {
        switch self {
        case .head: "户主"
        case .spouse: "配偶"
        case .child: "子女"
        case .parent: "父母"
        case .grandchild: "孙子女"
        case .grandparent: "祖父母"
        case .sibling: "兄弟姐妹"
        case .tenant: "租户"
        case .other: "其他"
        }
    }

    /// Reads an English identifier or a Chinese term.
    init?(text: String) {
        if let value = HouseholdRelation(rawValue: text) {
            self = value
        } else if let value = HouseholdRelation.allCases.first(where: { $0.chineseLabel == text }) {
            self = value
        } else {
            return nil
        }
    }
}

/// Tag lists stored as `,a,b,`.
enum TagList {
    static func encode(_ tags: [String]) -> String { tags.isEmpty ? "" : "," + tags.joined(separator: ",") + "," }
    static func decode(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }
}
