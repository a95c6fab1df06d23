import Fluent
import Foundation
import LianxinCore

/// A unit that handles work orders (城管, 住建, 供水…), attached to a division.
final class Department: Model, @unchecked Sendable {
    static let schema = "departments"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "active") var active: Bool
    // The fields a county keeps for its units (Features/Units, `AddDepartmentUnitFields`).
    @OptionalField(key: "short_name") var shortName: String?
    @OptionalField(key: "level") var level: String?
    @OptionalField(key: "parent_id") var parentID: UUID?
    @OptionalField(key: "duty_phone") var dutyPhone: String?
    /// Accepted category codes, comma-separated in code order; nil or empty when none is named.
    @OptionalField(key: "accepted_categories") var acceptedCategories: String?
    /// ISO days (YYYY-MM-DD) the unit works from and to, both inclusive; nil when open.
    @OptionalField(key: "active_from") var activeFrom: String?
    @OptionalField(key: "active_to") var activeTo: String?

    init() {}

    init(code: String, name: String, divisionCode: String) {
        self.code = code
        self.name = name
        self.divisionCode = divisionCode
        self.active = true
        self.level = DivisionCode(divisionCode).flatMap(UnitLevel.init(division:))?.rawValue
    }
}
