import Vapor
import Fluent
import LianxinCore

/// The catalogue file of `lianxin import categories` and `lianxin export categories`: one category a
/// row, keywords and aliases joined by `;`, roles as `DepartmentRoles` text.
enum CatalogueCSV {
    static let columns = [
        "code", "name", "parent_code", "roles", "keywords", "aliases", "sla_policy", "tier", "public", "active_from", "active_to", "active",
    ]
    static let maximumRows = 5_000
    /// The default catalogue shipped with Lianxin, under the resources directory.
    static let defaultFile = "Data/catalogue-default.csv"

    /// The CSV column a field of the category checks stands for (`/keywords/2` → `keywords`).
    static func column(of field: String) -> String {
        let first = field.split(separator: "/").first.map(String.init) ?? field
        let names = [
            "parentCode": "parent_code", "slaPolicy": "sla_policy", "isPublic": "public", "activeFrom": "active_from", "activeTo": "active_to",
        ]
        return names[first] ?? first
    }

    /// The category a row writes, and its parent, public and active texts.
    static func input(_ fields: [String], _ table: CSVTable) -> (CategoryInput, parent: String, isPublic: String, active: String) {
        func value(_ name: String) -> String {
            table.column(name).flatMap { $0 < fields.count ? fields[$0].trimmingCharacters(in: .whitespaces) : nil } ?? ""
        }
        let input = CategoryInput(
            code: value("code"), name: value("name"), parentCode: nil, roles: value("roles"),
            keywords: CategoryDefinition.list(value("keywords")), aliases: CategoryDefinition.list(value("aliases")),
            slaPolicy: value("sla_policy"), tier: value("tier"), isPublic: nil, activeFrom: value("active_from"),
            activeTo: value("active_to"))
        return (input, value("parent_code"), value("public"), value("active"))
    }

    /// A yes/no cell: empty is `fallback`, nil when it is neither.
    static func flag(_ text: String, default fallback: Bool) -> Bool? {
        switch text.lowercased() {
        case "": fallback
        case "true", "1", "是", "yes": true
        case "false", "0", "否", "no": false
        default: nil
        }
    }

    /// The rows of the file for `categories` (sorted by code).
    static func export(_ categories: [Category]) -> String {
        var text = CSVWriter.byteOrderMark + CSVWriter.line(columns)
        for category in categories.sorted(by: { ($0.id ?? "") < ($1.id ?? "") }) {
            let definition = CategoryDefinition(category)
            text += CSVWriter.line([
                definition.code, definition.name, definition.parentCode ?? "", definition.roles, definition.keywords.joined(separator: ";"),
                definition.aliases.joined(separator: ";"), definition.slaPolicy, definition.tier, definition.isPublic ? "true" : "false",
                definition.activeFrom ?? "", definition.activeTo ?? "", definition.active ? "true" : "false",
            ])
        }
        return text
    }
}
