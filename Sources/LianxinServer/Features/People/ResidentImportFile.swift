import Foundation
import LianxinCore

/// The columns of a resident file. One row per resident; its building and household are named
/// in the row and created when they do not exist yet. English or Chinese headers are accepted.
enum ResidentColumn: String, CaseIterable, Sendable {
    case grid, community, building, buildingKind, door, householdTags, name, idNumber, phone, relation, tags,
        registrationDivision, residenceType, latitude, longitude

    /// The header written by exports (and read first by the import).
    var header: String {
        switch self {
        case .grid: "grid_code"
        case .community: "community_code"
        case .building: "building"
        case .buildingKind: "building_kind"
        case .door: "door"
        case .householdTags: "household_tags"
        case .name: "name"
        case .idNumber: "id_number"
        case .phone: "phone"
        case .relation: "relation"
        case .tags: "tags"
        case .registrationDivision: "registration_division"
        case .residenceType: "residence_type"
        case .latitude: "latitude"
        case .longitude: "longitude"
        }
    }

    /// Every header accepted for the column.
    var headers: [String] {
        switch self {
        case .grid: [header, "grid", "网格编码", "网格"]
        case .community: [header, "社区代码", "社区"]
        case .building: [header, "楼栋"]
        case .buildingKind: [header, "楼栋类型"]
        case .door: [header, "room", "门牌号", "房号"]
        case .householdTags: [header, "户标签"]
        case .name: [header, "姓名"]
        case .idNumber: [header, "身份证号", "公民身份号码"]
        case .phone: [header, "联系电话", "电话"]
        case .relation: [header, "与户主关系"]
        case .tags: [header, "人员标签", "标签"]
        case .registrationDivision: [header, "户籍地"]
        case .residenceType: [header, "居住类型"]
        case .latitude: [header, "lat", "纬度"]
        case .longitude: [header, "lon", "lng", "经度"]
        }
    }

    /// Columns a file must have.
    static let required: [ResidentColumn] = [.grid, .building, .door, .name, .idNumber]
}

/// Values accepted in the kind and residence-type columns, with their Chinese forms.
enum RegistryVocabulary {
    static let buildingKinds: [String: String] = [
        "residential": "residential", "住宅": "residential", "mixed": "mixed", "商住": "mixed",
        "commercial": "commercial", "商业": "commercial", "bungalow": "bungalow", "平房": "bungalow", "other": "other", "其他": "other",
    ]
    static let residenceTypes: [String: String] = [
        "permanent": "permanent", "户籍": "permanent", "常住": "permanent", "floating": "floating", "流动": "floating", "流动人口": "floating",
    ]

    /// Splits a tag cell: `;`, `|`, `、` or full-width `；` between tags.
    static func splitTags(_ text: String) -> [String] {
        text.split(whereSeparator: { ";|、；".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
