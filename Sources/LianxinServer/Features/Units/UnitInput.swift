import Vapor
import LianxinCore

/// A unit as a person writes it: the API body, the page's form and a row of the CSV file.
struct UnitInput: Content, Sendable {
    var code: String?
    var name: String?
    var shortName: String?
    var divisionCode: String?
    /// city, county, township or community; when given it must be the division's level.
    var level: String?
    /// The parent unit's code; blank or absent for a unit at the top of its tree.
    var parentCode: String?
    var liaisons: [LiaisonInput]?
    var dutyPhone: String?
    var categoryCodes: [String]?
    var activeFrom: String?
    var activeTo: String?
}

extension UnitInput {
    /// The unit as it stands, written as input (liaisons keep their phones).
    init(_ unit: Department, parentCode: String?, liaisons: [DepartmentLiaison]) {
        self.init(
            code: unit.code, name: unit.name, shortName: unit.shortName, divisionCode: unit.divisionCode, level: nil, parentCode: parentCode ?? "",
            liaisons: liaisons.map { LiaisonInput(id: $0.id, name: $0.name, phone: nil) }, dutyPhone: unit.dutyPhone,
            categoryCodes: UnitFields.categories(unit.acceptedCategories), activeFrom: unit.activeFrom, activeTo: unit.activeTo)
    }

    /// This input with every field `other` gives replacing its own (an edit names only what changes;
    /// a blank text clears a field).
    func overlaid(by other: UnitInput) -> UnitInput {
        UnitInput(
            code: other.code ?? code, name: other.name ?? name, shortName: other.shortName ?? shortName,
            divisionCode: other.divisionCode ?? divisionCode, level: other.level ?? level, parentCode: other.parentCode ?? parentCode,
            liaisons: other.liaisons ?? liaisons, dutyPhone: other.dutyPhone ?? dutyPhone, categoryCodes: other.categoryCodes ?? categoryCodes,
            activeFrom: other.activeFrom ?? activeFrom, activeTo: other.activeTo ?? activeTo)
    }
}

/// A liaison as written: an `id` of one of the unit's liaisons keeps that liaison's phone when
/// `phone` is left blank (the page shows phones masked, never their digits).
struct LiaisonInput: Content, Sendable {
    var id: UUID?
    var name: String?
    var phone: String?
}

/// A unit whose fields passed their checks.
struct ValidUnit: Sendable {
    struct Liaison: Sendable {
        /// The existing liaison whose phone is kept when `phone` is nil.
        let keeps: UUID?
        let name: String
        let phone: String?
    }

    let code: String
    let name: String
    let shortName: String?
    let division: DivisionCode
    let level: UnitLevel
    let parentCode: String?
    let liaisons: [Liaison]
    let dutyPhone: String?
    let categories: [String]
    let activeFrom: LocalDate?
    let activeTo: LocalDate?
}

/// The body of a move: a new parent, a new division, or both.
struct UnitMoveInput: Content, Sendable {
    var parentCode: String?
    var divisionCode: String?
}

/// The body of a disable: where the unit's open orders go.
struct UnitDisableInput: Content, Sendable {
    var reassignTo: String?
}
