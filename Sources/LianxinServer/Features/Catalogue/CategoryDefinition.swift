import Vapor
import LianxinCore

/// A category of the dispatch catalogue as the API, the files and the version history hold it.
struct CategoryDefinition: Content, Equatable {
    var code: String
    var name: String
    var parentCode: String?
    /// Department roles per level, as `DepartmentRoles` text ("城管" or "住建;township=村镇建设").
    var roles: String
    var keywords: [String]
    var aliases: [String]
    var slaPolicy: String
    var tier: String
    var isPublic: Bool
    /// Whether a completion waits for an on-site check (核查) before revisit and closing; nil (no) in versions and
    /// files written before the check existed.
    var requiresVerification: Bool?
    var activeFrom: String?
    var activeTo: String?
    var active: Bool
    var version: Int

    init(
        code: String, name: String, parentCode: String?, roles: String, keywords: [String], aliases: [String], slaPolicy: String,
        tier: String, isPublic: Bool, activeFrom: String?, activeTo: String?, active: Bool, version: Int,
        requiresVerification: Bool? = nil
    ) {
        self.requiresVerification = requiresVerification == true ? true : nil
        self.code = code
        self.name = name
        self.parentCode = parentCode
        self.roles = roles
        self.keywords = keywords
        self.aliases = aliases
        self.slaPolicy = slaPolicy
        self.tier = tier
        self.isPublic = isPublic
        self.activeFrom = activeFrom
        self.activeTo = activeTo
        self.active = active
        self.version = version
    }

    init(_ category: Category) {
        self.init(
            code: category.id ?? "", name: category.name, parentCode: category.parentCode, roles: category.roles ?? "",
            keywords: CategoryDefinition.list(category.keywords), aliases: CategoryDefinition.list(category.aliases),
            slaPolicy: category.slaPolicyCode, tier: category.tier ?? Tier.simple.rawValue, isPublic: category.isPublic ?? true,
            activeFrom: category.activeFrom, activeTo: category.activeTo, active: category.active, version: category.version ?? 1,
            requiresVerification: category.requiresVerification)
    }

    /// Writes every field but the version into `category`.
    func apply(to category: Category) {
        category.id = code
        category.name = name
        category.parentCode = parentCode
        category.roles = roles.isEmpty ? nil : roles
        category.keywords = keywords.isEmpty ? nil : keywords.joined(separator: ";")
        category.aliases = aliases.isEmpty ? nil : aliases.joined(separator: ";")
        category.slaPolicyCode = slaPolicy
        category.tier = tier
        category.isPublic = isPublic
        category.requiresVerification = requiresVerification == true ? true : nil
        category.activeFrom = activeFrom
        category.activeTo = activeTo
        category.active = active
    }

    /// The words of a `;`-joined column.
    static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The JSON kept in a version row.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

extension Category {
    /// Whether the category is active and offered on `day` (an ISO day in Beijing time).
    func isOffered(on day: String) -> Bool {
        guard active else { return false }
        if let from = activeFrom, !from.isEmpty, day < from { return false }
        if let to = activeTo, !to.isEmpty, day > to { return false }
        return true
    }

    /// The tree node the catalogue rules work on (a bad roles text counts as none).
    var node: CatalogueNode {
        CatalogueNode(code: id ?? "", parent: parentCode, roles: (try? DepartmentRoles(parsing: roles ?? "")) ?? DepartmentRoles.empty)
    }

    /// Name, keywords and aliases: the words the desk looks for.
    var terms: CatalogueTerms {
        CatalogueTerms(
            code: id ?? "", parent: parentCode,
            terms: [name] + CategoryDefinition.list(keywords) + CategoryDefinition.list(aliases))
    }
}

/// A category written through the API or a page; absent fields keep their value on an edit.
struct CategoryInput: Content {
    var code: String?
    var name: String?
    var parentCode: String?
    var roles: String?
    var keywords: [String]?
    var aliases: [String]?
    var slaPolicy: String?
    var tier: String?
    var isPublic: Bool?
    /// 核查: closing needs an on-site check by someone other than the handler.
    var requiresVerification: Bool?
    var activeFrom: String?
    var activeTo: String?
}
