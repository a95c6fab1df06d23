import Fluent
import Foundation
import LianxinCore

/// A coded category of requests (事项分类), with the department and SLA policy it defaults to.
final class Category: Model, @unchecked Sendable {
    static let schema = "categories"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name") var name: String
    @OptionalField(key: "parent_code") var parentCode: String?
    @OptionalField(key: "default_department_code") var defaultDepartmentCode: String?
    @Field(key: "sla_policy_code") var slaPolicyCode: String
    @Field(key: "active") var active: Bool
    // The dispatch catalogue's fields (Features/Catalogue, `AddCatalogueFields`).
    /// Keywords and aliases, each joined by `;`: the desk's suggestions look for them in the text.
    @OptionalField(key: "keywords") var keywords: String?
    @OptionalField(key: "aliases") var aliases: String?
    /// The department role per division level (`DepartmentRoles` text), resolved per division.
    @OptionalField(key: "roles") var roles: String?
    /// The tier an order of this category starts with (nil: simple).
    @OptionalField(key: "tier") var tier: String?
    /// Internal categories are not offered to residents and Open311 clients (nil: public).
    @OptionalField(key: "is_public") var isPublic: Bool?
    /// ISO days the category is offered from and to, both inclusive; nil when open.
    @OptionalField(key: "active_from") var activeFrom: String?
    @OptionalField(key: "active_to") var activeTo: String?
    /// The current version (1 for a category never changed since it was loaded).
    @OptionalField(key: "version") var version: Int?
    /// Whether a completion must pass an on-site check (核查) before revisit and closing (`AddOrderVerification`).
    @OptionalField(key: "requires_verification") var requiresVerification: Bool?

    init() {}

    init(code: String, name: String, parentCode: String?, defaultDepartmentCode: String?, slaPolicyCode: String) {
        self.id = code
        self.name = name
        self.parentCode = parentCode
        self.defaultDepartmentCode = defaultDepartmentCode
        self.slaPolicyCode = slaPolicyCode
        self.active = true
    }
}

/// An SLA policy as editable data: the JSON of `LianxinCore.SLAPolicy`.
final class SLAPolicyRecord: Model, @unchecked Sendable {
    static let schema = "sla_policies"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name") var name: String
    @Field(key: "definition") var definition: String

    init() {}

    init(code: String, name: String, definition: String) {
        self.id = code
        self.name = name
        self.definition = definition
    }
}

/// A routing rule: orders of a category (and its subcategories) inside a division go to a department.
/// The most specific match (longest category code, then longest division code) wins.
final class RoutingRule: Model, @unchecked Sendable {
    static let schema = "routing_rules"

    @ID(key: .id) var id: UUID?
    @Field(key: "category_code") var categoryCode: String
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "department_code") var departmentCode: String

    init() {}

    init(categoryCode: String, divisionCode: String, departmentCode: String) {
        self.categoryCode = categoryCode
        self.divisionCode = divisionCode
        self.departmentCode = departmentCode
    }
}

/// A day that differs from the ordinary week: a statutory holiday or a make-up working day (调休).
final class CalendarDay: Model, @unchecked Sendable {
    static let schema = "calendar_days"

    @ID(custom: "day", generatedBy: .user) var id: String?
    @Field(key: "kind") var kind: String
    @OptionalField(key: "name") var name: String?

    init() {}

    init(day: String, kind: String, name: String?) {
        self.id = day
        self.kind = kind
        self.name = name
    }
}

/// An extra question of a category (Open311 service-definition attribute), loaded from
/// `Resources/Data/category-attributes.csv` into an empty table and editable afterwards.
final class CategoryAttribute: Model, @unchecked Sendable {
    static let schema = "category_attributes"

    @ID(key: .id) var id: UUID?
    @Field(key: "category_code") var categoryCode: String
    @Field(key: "code") var code: String
    @Field(key: "datatype") var datatype: String
    @Field(key: "required") var required: Bool
    @Field(key: "sort_order") var order: Int
    @Field(key: "description") var description: String
    /// For lists: "key=name;key=name".
    @Field(key: "allowed_values") var values: String

    init() {}

    /// The domain form, or nil for a datatype this version does not know.
    var attribute: ServiceAttribute? {
        ServiceAttribute.Datatype(rawValue: datatype).map {
            ServiceAttribute(
                code: code, datatype: $0, required: required, order: order, description: description,
                values: ServiceAttribute.parseValues(values))
        }
    }
}
