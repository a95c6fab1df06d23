import Vapor
import Fluent
import LianxinCore

/// The checks of a category's own fields, shared by the API, the pages and the file import: every
/// problem under its field (`/name`, `/keywords/2`), messages from the locale files. The category's
/// place in the tree is checked with `CatalogueTree` over the whole catalogue.
struct CatalogueChecks {
    /// The SLA policy codes that exist.
    let policies: Set<String>
    /// Every category code known (the database's, plus a file's when importing).
    let known: Set<String>

    static let maximumWords = 30

    /// The definition `input` gives, over `existing` when editing. A new category without a policy
    /// takes its parent's (`parentPolicy`).
    func definition(_ input: CategoryInput, existing: CategoryDefinition?, parentPolicy: String?, into checks: inout InputValidator)
        -> CategoryDefinition
    {
        let code = (input.code ?? existing?.code ?? "").trimmingCharacters(in: .whitespaces)
        if let existing {
            if code != existing.code { checks.fail("/code", key: "catalogue_code_fixed") }
        } else if !UnitChecks.isCode(code) {
            checks.fail("/code", key: "catalogue_code_format")
        } else if known.contains(code) {
            checks.fail("/code", key: "catalogue_code_taken", ["code": code])
        }
        let name = checks.text(input.name ?? existing?.name, "/name", 1...50)
        var parent = existing?.parentCode
        if existing == nil, let text = input.parentCode?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if UnitChecks.isCode(text), known.contains(text) {
                parent = text
            } else {
                checks.fail("/parentCode", key: "catalogue_parent_unknown", ["code": UnitChecks.isCode(text) ? text : ""])
            }
        }
        let rolesText = (input.roles ?? existing?.roles ?? "").trimmingCharacters(in: .whitespaces)
        var roles = rolesText
        do { roles = try DepartmentRoles(parsing: rolesText).text } catch {
            checks.fail("/roles", key: "catalogue_roles_format")
        }
        let keywords = words(input.keywords ?? existing?.keywords ?? [], "/keywords", into: &checks)
        let aliases = words(input.aliases ?? existing?.aliases ?? [], "/aliases", into: &checks)
        let policyText = input.slaPolicy?.trimmingCharacters(in: .whitespaces)
        let policy = (policyText?.isEmpty == false ? policyText : nil) ?? existing?.slaPolicy ?? parentPolicy ?? ""
        if !policies.contains(policy) { checks.fail("/slaPolicy", key: "catalogue_policy_unknown") }
        let tierText = input.tier?.trimmingCharacters(in: .whitespaces) ?? ""
        let tier = tierText.isEmpty ? (existing?.tier ?? Tier.simple.rawValue) : tierText
        if Tier(rawValue: tier) == nil { checks.fail("/tier", key: "catalogue_tier_unknown") }
        let from = day(input.activeFrom, existing?.activeFrom, "/activeFrom", into: &checks)
        let to = day(input.activeTo, existing?.activeTo, "/activeTo", into: &checks)
        if let from, let to, to < from { checks.fail("/activeTo", key: "catalogue_active_order") }
        return CategoryDefinition(
            code: code, name: name, parentCode: parent, roles: roles, keywords: keywords, aliases: aliases, slaPolicy: policy,
            tier: tier, isPublic: input.isPublic ?? existing?.isPublic ?? true, activeFrom: from, activeTo: to,
            active: existing?.active ?? true, version: existing?.version ?? 0,
            requiresVerification: input.requiresVerification ?? existing?.requiresVerification)
    }

    /// Keywords or aliases: each 1–20 characters without `;`, at most `maximumWords`, duplicates dropped.
    private func words(_ list: [String], _ field: String, into checks: inout InputValidator) -> [String] {
        if list.count > Self.maximumWords {
            checks.fail(field, key: "catalogue_words_many", ["max": "\(Self.maximumWords)"])
            return []
        }
        var result: [String] = []
        for (index, raw) in list.enumerated() {
            let word = raw.trimmingCharacters(in: .whitespaces)
            guard InputValidator.isPlain(word), (1...20).contains(word.count), !word.contains(";") else {
                checks.fail("\(field)/\(index)", key: "catalogue_word_format")
                continue
            }
            if !result.contains(word) { result.append(word) }
        }
        return result
    }

    /// An ISO day: the input's when given ("" clears it), else the existing one.
    private func day(_ text: String?, _ existing: String?, _ field: String, into checks: inout InputValidator) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces) else { return existing }
        if text.isEmpty { return nil }
        guard let day = LocalDate(iso: text) else {
            checks.fail(field, key: "validation_day")
            return nil
        }
        return day.description
    }

    /// The message for a problem of a category's place in the tree.
    static func message(_ problem: CatalogueTreeProblem, parent: String, _ checks: InputValidator) -> String {
        switch problem {
        case .unknownParent(let code): checks.message("catalogue_parent_unknown", ["code": code])
        case .cycle: checks.message("catalogue_parent_cycle", ["code": parent])
        case .tooDeep: checks.message("catalogue_too_deep", ["max": "\(CatalogueTree.maximumDepth)"])
        }
    }
}
