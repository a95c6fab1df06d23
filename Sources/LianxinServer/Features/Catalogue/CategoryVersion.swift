import Fluent
import Foundation

/// One version of a category: what it was (`definition`, the JSON of `CategoryDefinition`), who
/// changed it, when and how. Orders keep the version they were filed with.
final class CategoryVersion: Model, @unchecked Sendable {
    static let schema = "category_versions"

    @ID(key: .id) var id: UUID?
    @Field(key: "category_code") var categoryCode: String
    @Field(key: "version") var version: Int
    @Field(key: "name") var name: String
    @OptionalField(key: "parent_code") var parentCode: String?
    @Field(key: "definition") var definition: String
    /// created, edited, moved, disabled, enabled or imported.
    @Field(key: "change") var change: String
    @Field(key: "actor") var actor: String
    @Field(key: "at") var at: Date

    init() {}
}

/// In a division, the unit (by code) that plays a department role (城管 → 信州区城市管理局).
final class DivisionRole: Model, @unchecked Sendable {
    static let schema = "division_roles"

    @ID(key: .id) var id: UUID?
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "role") var role: String
    @Field(key: "department_code") var departmentCode: String

    init() {}

    init(divisionCode: String, role: String, departmentCode: String) {
        self.divisionCode = divisionCode
        self.role = role
        self.departmentCode = departmentCode
    }
}
