import Vapor
import Fluent
import LianxinCore

/// `/admin/catalogue`: the tree editor of the dispatch catalogue (expand and collapse without
/// JavaScript, add below, edit, move by choosing another parent, disable and enable) and
/// `/admin/catalogue/roles`: each division's role → unit mapping with unit pickers.
struct CataloguePagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("admin", "catalogue")
        pages.get(use: index)
        pages.get("new", use: newForm)
        pages.post("new", use: create)
        pages.get("roles", use: rolesForm)
        pages.post("roles", use: saveRoles)
        pages.get(":code", use: editForm)
        pages.post(":code", use: edit)
        pages.post(":code", "active", use: toggle)
    }

    struct Row: Encodable, Sendable {
        let code: String
        let name: String
        let depth: Int
        let hasChildren: Bool
        let roles: String
        let policy: String
        let active: Bool
        let isPublic: Bool
        /// One entry per subtree that ends after this row (the `</details>` to write).
        let closes: [Int]
    }

    struct IndexModel: Encodable, Sendable {
        let rows: [Row]
        let notice: String
        let canEdit: Bool
    }

    /// "住建（乡镇（街道）级：村镇建设）" for "住建;township=村镇建设".
    static func roleWords(_ text: String?, _ t: (String) -> String) -> String {
        guard let roles = try? DepartmentRoles(parsing: text ?? ""), !roles.isEmpty else { return "" }
        let levels = UnitLevel.allCases.compactMap { level in roles.byLevel[level].map { t("catalogue_roles_\(level.rawValue)") + "：" + $0 } }
        guard let common = roles.common else { return levels.joined(separator: "；") }
        return levels.isEmpty ? common : common + "（" + levels.joined(separator: "；") + "）"
    }

    /// The tree in depth-first code order, each row knowing how many subtrees end after it.
    static func rows(_ categories: [Category], policies: [String: String], _ t: (String) -> String) -> [Row] {
        let children = Dictionary(grouping: categories, by: { $0.parentCode ?? "" }).mapValues { $0.sorted { ($0.id ?? "") < ($1.id ?? "") } }
        let known = Set(categories.compactMap(\.id))
        var rows: [Row] = []
        func walk(_ category: Category, depth: Int, closing: Int) {
            let code = category.id ?? ""
            let below = depth < CatalogueTree.maximumDepth ? children[code] ?? [] : []
            rows.append(
                Row(
                    code: code, name: category.name, depth: depth, hasChildren: !below.isEmpty,
                    roles: roleWords(category.roles, t), policy: policies[category.slaPolicyCode] ?? category.slaPolicyCode, active: category.active,
                    isPublic: category.isPublic ?? true, closes: below.isEmpty ? Array(repeating: 0, count: closing) : []))
            for (index, child) in below.enumerated() {
                walk(child, depth: depth + 1, closing: index == below.count - 1 ? closing + 1 : 0)
            }
        }
        let tops = categories.filter { $0.parentCode.map { !known.contains($0) } ?? true }.sorted { ($0.id ?? "") < ($1.id ?? "") }
        for top in tops { walk(top, depth: 0, closing: 0) }
        return rows
    }

    func index(req: Request) async throws -> Response {
        let principal = try await req.require(.manageRules)
        async let categories = Category.query(on: req.db).all()
        async let policies = SLAPolicyRecord.query(on: req.db).all()
        let names = Dictionary(try await policies.compactMap { p in p.id.map { ($0, p.name) } }, uniquingKeysWith: { a, _ in a })
        let top = try await DivisionQueries.deploymentDivision(on: req.db)
        let model = IndexModel(
            rows: Self.rows(try await categories, policies: names) { req.t($0) },
            notice: req.query[String.self, at: "done"].map { _ in req.t("catalogue_saved") } ?? "",
            canEdit: top.map { principal.division.contains($0) } ?? true)
        return try await req.page("catalogue/index", title: "catalogue_title", model: model)
    }

    struct FormModel: Encodable, Sendable {
        let code: String
        let values: [String: String]
        let errors: [String: String]
        let parents: [SelectOption]
        let policies: [SelectOption]
        let tiers: [SelectOption]
        let versions: [VersionRow]
        let active: Bool
        let error: String
    }

    struct VersionRow: Encodable, Sendable {
        let label: String
        let name: String
        let change: String
        let actor: String
        let at: String
    }

    func newForm(req: Request) async throws -> Response {
        _ = try await req.requireReferenceAuthority(.manageRules)
        var values = ["isPublic": "on"]
        if let parent = req.query[String.self, at: "parent"], let category = try await Category.find(parent, on: req.db) {
            values["parentCode"] = parent
            values["slaPolicy"] = category.slaPolicyCode
            values["tier"] = category.tier ?? ""
        }
        return try await render(req, category: nil, values: values, errors: [:])
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.requireReferenceAuthority(.manageRules)
        let values = try req.content.decode([String: String].self)
        let service = CatalogueService(application: req.application, database: req.db, principal: principal, ip: req.clientIP)
        do {
            _ = try await service.create(Self.input(values))
            return req.redirect(to: "/admin/catalogue?done=1")
        } catch let problem as Problem where problem.status.code < 500 {
            return try await render(req, category: nil, values: values, errors: Self.errors(problem), status: problem.status)
        }
    }

    func editForm(req: Request) async throws -> Response {
        _ = try await req.requireReferenceAuthority(.manageRules)
        let category = try await CatalogueLookup.find(req)
        let definition = CategoryDefinition(category)
        var values = [
            "code": definition.code, "name": definition.name, "parentCode": definition.parentCode ?? "",
            "keywords": definition.keywords.joined(separator: "、"), "aliases": definition.aliases.joined(separator: "、"),
            "slaPolicy": definition.slaPolicy, "tier": definition.tier, "isPublic": definition.isPublic ? "on" : "",
            "requiresVerification": definition.requiresVerification == true ? "on" : "",
            "activeFrom": definition.activeFrom ?? "", "activeTo": definition.activeTo ?? "",
        ]
        let roles = (try? DepartmentRoles(parsing: definition.roles)) ?? DepartmentRoles.empty
        values["roles_common"] = roles.common ?? ""
        for (level, role) in roles.byLevel { values["roles_\(level.rawValue)"] = role }
        return try await render(req, category: category, values: values, errors: [:])
    }

    /// Saves the fields, then moves the category when another parent was chosen: two versions at most,
    /// each checked whole (a refused move leaves the edit unsaved, since the edit is checked first with it).
    func edit(req: Request) async throws -> Response {
        let principal = try await req.requireReferenceAuthority(.manageRules)
        let category = try await CatalogueLookup.find(req)
        let values = try req.content.decode([String: String].self)
        let service = CatalogueService(application: req.application, database: req.db, principal: principal, ip: req.clientIP)
        do {
            let parent = values["parentCode"] ?? ""
            var validator = InputValidator(req)
            var fields = Self.input(values)
            fields.code = category.id
            let checks = try await service.checks()
            _ = checks.definition(fields, existing: CategoryDefinition(category), parentPolicy: nil, into: &validator)
            try validator.finish()
            if parent != (category.parentCode ?? "") { _ = try await service.move(category, to: parent) }
            let current = try await CatalogueLookup.find(req)
            _ = try await service.edit(current, fields)
            return req.redirect(to: "/admin/catalogue?done=1")
        } catch let problem as Problem where problem.status.code < 500 {
            return try await render(req, category: category, values: values, errors: Self.errors(problem), status: problem.status)
        }
    }

    func toggle(req: Request) async throws -> Response {
        let principal = try await req.requireReferenceAuthority(.manageRules)
        let category = try await CatalogueLookup.find(req)
        let service = CatalogueService(application: req.application, database: req.db, principal: principal, ip: req.clientIP)
        _ = try await service.setActive(category, !category.active)
        return req.redirect(to: "/admin/catalogue?done=1")
    }

    /// The input of a submitted form (words separated by 、 , ， or ;).
    static func input(_ values: [String: String]) -> CategoryInput {
        func words(_ key: String) -> [String] {
            (values[key] ?? "").split(whereSeparator: { "、,，;；".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }
        // Roles per level are separate fields on the page; the catalogue keeps them as one text.
        var byLevel: [String] = []
        for level in UnitLevel.allCases {
            let role = values["roles_\(level.rawValue)"]?.trimmingCharacters(in: .whitespaces) ?? ""
            if !role.isEmpty { byLevel.append("\(level.rawValue)=\(role)") }
        }
        let common = values["roles_common"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let roles = ([common].filter { !$0.isEmpty } + byLevel).joined(separator: ";")
        return CategoryInput(
            code: values["code"], name: values["name"], parentCode: values["parentCode"], roles: roles,
            keywords: words("keywords"), aliases: words("aliases"), slaPolicy: values["slaPolicy"], tier: values["tier"],
            isPublic: values["isPublic"] == "on", requiresVerification: values["requiresVerification"] == "on",
            activeFrom: values["activeFrom"] ?? "", activeTo: values["activeTo"] ?? "")
    }

    /// Problems by form field (`/keywords/2` → `keywords`).
    static func errors(_ problem: Problem) -> [String: String] {
        var result: [String: String] = [:]
        for error in problem.errors {
            let field = error.field.split(separator: "/").first.map(String.init) ?? "form"
            result[field] = result[field].map { $0 + " " + error.message } ?? error.message
        }
        if result.isEmpty { result["form"] = problem.detail }
        return result
    }

    private func render(
        _ req: Request, category: Category?, values: [String: String], errors: [String: String], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let english = req.language == .en
        async let all = Category.query(on: req.db).sort(\.$id).all()
        async let policyRows = SLAPolicyRecord.query(on: req.db).sort(\.$id).all()
        let code = category?.id ?? ""
        let parent = values["parentCode"] ?? ""
        let categories = try await all
        let nodes = Dictionary(categories.map { ($0.id ?? "", $0.node) }, uniquingKeysWith: { a, _ in a })
        // Not the category itself nor one below it (that would be a cycle).
        let parents = categories.filter { candidate in
            code.isEmpty || !CatalogueTree.lineage(of: candidate.id ?? "", in: nodes).contains { $0.code == code }
        }
        let versions =
            try await category.asyncMap { category in
                try await CategoryVersion.query(on: req.db).filter(\.$categoryCode == (category.id ?? "")).sort(\.$version, .descending).all()
            } ?? []
        let model = FormModel(
            code: code, values: values, errors: errors,
            parents: parents.map { SelectOption(value: $0.id ?? "", label: "\($0.id ?? "") \($0.name)", selected: $0.id == parent) },
            policies: try await policyRows.map {
                SelectOption(value: $0.id ?? "", label: $0.name, selected: $0.id == values["slaPolicy"])
            },
            tiers: Tier.allCases.map {
                SelectOption(value: $0.rawValue, label: $0.title(english: english), selected: $0.rawValue == values["tier"])
            },
            versions: versions.map {
                VersionRow(
                    label: req.t("catalogue_version").replacingOccurrences(of: "{version}", with: "\($0.version)"), name: $0.name,
                    change: req.t("catalogue_change_\($0.change)"), actor: $0.actor, at: WorkbenchLookup.beijing($0.at))
            },
            active: category?.active ?? true, error: errors.isEmpty ? "" : req.t("catalogue_errors"))
        return try await req.page("catalogue/form", title: category == nil ? "catalogue_new_top" : "catalogue_edit", model: model, status: status)
    }
}
