import Vapor
import Fluent
import LianxinCore

/// The one writer of the dispatch catalogue from the API and the pages: create, edit, move, disable
/// and enable, each checked whole, written as a new version with its audit entry in one transaction.
struct CatalogueService {
    let application: Application
    let database: any Database
    /// Who writes; nil for the command line.
    let principal: Principal?
    var ip: String? = nil

    var context: LianxinContext { application.lianxin }
    var actor: AuditActor { principal?.auditActor ?? .commandLine }

    /// The checks over the catalogue and policies as stored.
    func checks() async throws -> CatalogueChecks {
        async let policies = SLAPolicyRecord.query(on: database).all()
        async let categories = Category.query(on: database).all()
        return CatalogueChecks(policies: Set(try await policies.compactMap(\.id)), known: Set(try await categories.compactMap(\.id)))
    }

    /// Creates a category from `input`, or throws every problem.
    func create(_ input: CategoryInput) async throws -> Category {
        var validator = InputValidator(context.localizer)
        var parentPolicy: String?
        if let code = input.parentCode, UnitChecks.isCode(code) { parentPolicy = try await Category.find(code, on: database)?.slaPolicyCode }
        let rules = try await checks()
        let definition = rules.definition(input, existing: nil, parentPolicy: parentPolicy, into: &validator)
        try validator.finish()
        return try await write(definition, change: "created")
    }

    /// Changes the fields `input` names (a blank day clears it); code and parent stay (see `move`).
    func edit(_ category: Category, _ input: CategoryInput) async throws -> Category {
        var validator = InputValidator(context.localizer)
        var fields = input
        fields.parentCode = nil
        let rules = try await checks()
        let definition = rules.definition(fields, existing: CategoryDefinition(category), parentPolicy: nil, into: &validator)
        try validator.finish()
        return try await write(definition, change: "edited")
    }

    /// Moves the category under another parent (nil or "": to the top), refusing a cycle.
    func move(_ category: Category, to parentText: String?) async throws -> Category {
        let parent = parentText?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        var validator = InputValidator(context.localizer)
        var nodes = try await Category.query(on: database).all().map(\.node)
        let code = category.id ?? ""
        if let parent, !(UnitChecks.isCode(parent) && nodes.contains(where: { $0.code == parent })) {
            validator.fail("/parentCode", key: "catalogue_parent_unknown", ["code": UnitChecks.isCode(parent) ? parent : ""])
        } else {
            nodes.removeAll { $0.code == code }
            nodes.append(CatalogueNode(code: code, parent: parent, roles: category.node.roles))
            for problem in (CatalogueTree.problems(nodes)[code] ?? []).prefix(1) {
                validator.fail("/parentCode", CatalogueChecks.message(problem, parent: parent ?? "", validator))
            }
        }
        try validator.finish()
        var definition = CategoryDefinition(category)
        definition.parentCode = parent
        return try await write(definition, change: "moved")
    }

    /// Disables or enables the category. Orders already filed keep it; new ones can no longer name it.
    func setActive(_ category: Category, _ active: Bool) async throws -> Category {
        var definition = CategoryDefinition(category)
        definition.active = active
        return try await write(definition, change: active ? "enabled" : "disabled")
    }

    private func write(_ definition: CategoryDefinition, change: String) async throws -> Category {
        let now = context.now()
        let (actor, ip) = (self.actor, self.ip)
        let category = try await context.writes.run {
            try await database.transaction { db in
                let (category, version) = try await CatalogueStore(database: db).save(definition, change: change, actor: actor.name, at: now)
                if let version {
                    try await AuditLog.record(
                        .settingsChanged, result: .success, actor: actor, target: "category:\(definition.code)", ip: ip,
                        detail: "\(change) v\(version)", at: now, on: db)
                }
                return category
            }
        }
        context.referenceCache.clear()
        return category
    }
}

extension String {
    /// nil for an empty string.
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
