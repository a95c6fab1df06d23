import Vapor
import Fluent
import LianxinCore

/// A resident as the API shows it: ID number and phone masked, and no birth date — the masked ID
/// number stars exactly the birth date's eight digits, so showing it beside them would unmask it.
struct ResidentDTO: Content {
    var id: UUID
    var householdId: UUID
    var buildingId: UUID
    var buildingName: String
    var door: String
    var gridCode: String
    var communityCode: String
    var name: String
    var gender: String
    var idNumber: String
    var phone: String?
    var relation: String
    var tags: [String]
    var registrationDivision: String?
    var residenceType: String
    var createdAt: Date
    var updatedAt: Date

    /// DTOs for `residents`, with their buildings and doors looked up in two queries.
    static func make(_ residents: [Resident], cipher: FieldCipher, on db: any Database) async throws -> [ResidentDTO] {
        let households = try await Household.query(on: db).filter(\.$id ~~ Array(Set(residents.map(\.householdID)))).all()
        let doors = Dictionary(
            households.compactMap { household in household.id.map { ($0, household.door) } }, uniquingKeysWith: { first, _ in first })
        let buildings = try await Building.query(on: db).filter(\.$id ~~ Array(Set(residents.map(\.buildingID)))).all()
        let names = Dictionary(buildings.compactMap { building in building.id.map { ($0, building.name) } }, uniquingKeysWith: { first, _ in first })
        return try residents.map { resident in
            ResidentDTO(
                id: try resident.requireID(), householdId: resident.householdID, buildingId: resident.buildingID,
                buildingName: names[resident.buildingID] ?? "", door: doors[resident.householdID] ?? "",
                gridCode: resident.gridCode, communityCode: resident.communityCode, name: resident.name, gender: resident.gender,
                idNumber: PersonalDataMask.idNumber(try cipher.open(resident.idNumberCipher, for: .residentIDNumber, row: try resident.requireID())),
                phone: try resident.phoneCipher.map {
                    PersonalDataMask.phone(try cipher.open($0, for: .residentPhone, row: try resident.requireID()))
                },
                relation: resident.relation,
                tags: TagList.decode(resident.tags), registrationDivision: resident.registrationDivision,
                residenceType: resident.residenceType, createdAt: resident.createdAt, updatedAt: resident.updatedAt)
        }
    }
}

/// A household, with its members in the detail view.
struct HouseholdDTO: Content {
    var id: UUID
    var buildingId: UUID
    var buildingName: String
    var door: String
    var address: String
    var gridCode: String
    var communityCode: String
    var headResidentId: UUID?
    var tags: [String]
    var members: [ResidentDTO]?

    init(_ household: Household, buildingName: String, members: [ResidentDTO]? = nil) throws {
        id = try household.requireID()
        buildingId = household.buildingID
        self.buildingName = buildingName
        door = household.door
        address = household.address
        gridCode = household.gridCode
        communityCode = household.communityCode
        headResidentId = household.headResidentID
        tags = TagList.decode(household.tags)
        self.members = members
    }
}

/// A building.
struct BuildingDTO: Content {
    var id: UUID
    var gridCode: String
    var communityCode: String
    var name: String
    var kind: String

    init(_ building: Building) throws {
        id = try building.requireID()
        gridCode = building.gridCode
        communityCode = building.communityCode
        name = building.name
        kind = building.kind
    }
}

/// A tag of the catalogue.
struct ResidentTagDTO: Content {
    var code: String
    var chineseLabel: String
    var englishLabel: String
    var active: Bool
}

/// A grid-staff assignment.
struct GridStaffDTO: Content {
    var id: UUID
    var gridCode: String
    var userId: UUID
    var username: String
    var displayName: String
    var role: String
    var validFrom: Date
    var validTo: Date?
}
