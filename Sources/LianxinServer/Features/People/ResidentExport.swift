import Fluent
import Foundation
import LianxinCore

/// Residents as CSV in the import's columns (plus gender and birth date), UTF-8 with BOM. A masked
/// export leaves the birth date empty: the masked ID number stars exactly its digits. ID
/// numbers and phones are masked unless `unmasked`; the caller audits the export.
enum ResidentExport {
    static let columns: [ResidentColumn] = [
        .grid, .community, .building, .buildingKind, .door, .householdTags, .name, .idNumber, .phone,
        .relation, .tags, .registrationDivision, .residenceType, .latitude, .longitude,
    ]

    static func csv(_ residents: [Resident], unmasked: Bool, cipher: FieldCipher, on db: any Database) async throws -> String {
        var households: [UUID: Household] = [:]
        var buildings: [UUID: Building] = [:]
        for chunk in Array(Set(residents.map(\.householdID))).chunked(500) {
            for household in try await Household.query(on: db).filter(\.$id ~~ chunk).all() { households[household.id ?? UUID()] = household }
        }
        for chunk in Array(Set(residents.map(\.buildingID))).chunked(500) {
            for building in try await Building.query(on: db).filter(\.$id ~~ chunk).all() { buildings[building.id ?? UUID()] = building }
        }
        var text = CSVWriter.byteOrderMark + CSVWriter.line(columns.map(\.header) + ["gender", "birth_date"])
        text.reserveCapacity(residents.count * 160)
        for resident in residents {
            let idNumber = try cipher.open(resident.idNumberCipher, for: .residentIDNumber, row: try resident.requireID())
            let phone = try resident.phoneCipher.map { try cipher.open($0, for: .residentPhone, row: try resident.requireID()) }
            let household = households[resident.householdID]
            let building = buildings[resident.buildingID]
            text += CSVWriter.line([
                resident.gridCode, resident.communityCode, building?.name ?? "", building?.kind ?? "", household?.door ?? "",
                TagList.decode(household?.tags ?? "").joined(separator: ";"), resident.name,
                unmasked ? idNumber : PersonalDataMask.idNumber(idNumber), phone.map { unmasked ? $0 : PersonalDataMask.phone($0) } ?? "",
                resident.relation, TagList.decode(resident.tags).joined(separator: ";"), resident.registrationDivision ?? "",
                resident.residenceType, building?.latitude.map { String($0) } ?? "", building?.longitude.map { String($0) } ?? "",
                resident.gender, unmasked ? resident.birthDate : "",
            ])
        }
        return text
    }
}
