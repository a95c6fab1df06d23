import Vapor
import LianxinCore

/// A handling unit as the API shows it; liaison phones masked.
struct UnitDTO: Content, Sendable {
    struct Liaison: Content, Sendable {
        var id: UUID
        var name: String
        var phone: String
    }

    var id: UUID
    var code: String
    var name: String
    var shortName: String?
    var divisionCode: String
    var level: String
    var parentId: UUID?
    var parentCode: String?
    var liaisons: [Liaison]
    var dutyPhone: String?
    var categoryCodes: [String]
    var activeFrom: String?
    var activeTo: String?
    var active: Bool

    init(_ unit: Department, parentCode: String?, liaisons: [DepartmentLiaison], cipher: FieldCipher) throws {
        id = try unit.requireID()
        code = unit.code
        name = unit.name
        shortName = unit.shortName
        divisionCode = unit.divisionCode
        level = unit.level ?? DivisionCode(unit.divisionCode).flatMap(UnitLevel.init(division:))?.rawValue ?? ""
        parentId = unit.parentID
        self.parentCode = parentCode
        self.liaisons = try liaisons.map {
            let id = try $0.requireID()
            return Liaison(
                id: id, name: $0.name, phone: PersonalDataMask.phone(try cipher.open($0.phoneCipher, for: .departmentLiaisonPhone, row: id)))
        }
        dutyPhone = unit.dutyPhone
        categoryCodes = UnitFields.categories(unit.acceptedCategories)
        activeFrom = unit.activeFrom
        activeTo = unit.activeTo
        active = unit.active
    }
}

/// How the unit's list-like fields are kept in their columns.
enum UnitFields {
    static func categories(_ column: String?) -> [String] {
        (column ?? "").split(separator: ",").map(String.init)
    }

    static func column(_ categories: [String]) -> String? {
        categories.isEmpty ? nil : categories.sorted().joined(separator: ",")
    }
}
