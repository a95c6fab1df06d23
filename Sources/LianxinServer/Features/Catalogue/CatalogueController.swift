import Vapor
import Fluent
import LianxinCore

/// `/api/v1/categories` writes and `/api/v1/category-roles`: the dispatch catalogue is reference
/// data of the whole deployment, so only a system administrator at its top division changes it; a
/// county's administrator maps the roles to the units of their own division.
struct CatalogueController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.post("categories", use: create)
        api.get("categories", ":code", use: show)
        api.patch("categories", ":code", use: edit)
        api.post("categories", ":code", "move", use: move)
        api.post("categories", ":code", "disable", use: disable)
        api.post("categories", ":code", "enable", use: enable)
        api.get("category-roles", use: listRoles)
        api.put("category-roles", use: putRole)
    }

    /// A category with its versions, newest first.
    struct Detail: Content {
        var category: CategoryDefinition
        var versions: [VersionDTO]
    }

    struct VersionDTO: Content {
        var version: Int
        var name: String
        var parentCode: String?
        var change: String
        var actor: String
        var at: Date
    }

    struct MoveInput: Content {
        var parentCode: String?
    }

    static func detail(_ category: Category, on db: any Database) async throws -> Detail {
        let versions = try await CategoryVersion.query(on: db).filter(\.$categoryCode == (category.id ?? "")).sort(\.$version, .descending)
            .all()
        return Detail(
            category: CategoryDefinition(category),
            versions: versions.map {
                VersionDTO(version: $0.version, name: $0.name, parentCode: $0.parentCode, change: $0.change, actor: $0.actor, at: $0.at)
            })
    }

    func service(_ req: Request, _ principal: Principal) -> CatalogueService {
        CatalogueService(application: req.application, database: req.db, principal: principal, ip: req.clientIP)
    }

    func show(req: Request) async throws -> Detail {
        _ = try req.requirePrincipal()
        return try await Self.detail(try await CatalogueLookup.find(req), on: req.db)
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.requireReferenceAuthority(.manageRules)
        let input = try req.content.decode(CategoryInput.self)
        let category = try await service(req, principal).create(input)
        let response = try await Self.detail(category, on: req.db).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/categories/\(category.id ?? "")")
        return response
    }

    func edit(req: Request) async throws -> Detail {
        let principal = try await req.requireReferenceAuthority(.manageRules)
        let category = try await CatalogueLookup.find(req)
        let input = try req.content.decode(CategoryInput.self)
        return try await Self.detail(try await service(req, principal).edit(category, input), on: req.db)
    }

    func move(req: Request) async throws -> Detail {
        let principal = try await req.requireReferenceAuthority(.manageRules)
        let category = try await CatalogueLookup.find(req)
        let input = try req.content.decode(MoveInput.self)
        return try await Self.detail(try await service(req, principal).move(category, to: input.parentCode), on: req.db)
    }

    func disable(req: Request) async throws -> Detail {
        let principal = try await req.requireReferenceAuthority(.manageRules)
        return try await Self.detail(try await service(req, principal).setActive(try await CatalogueLookup.find(req), false), on: req.db)
    }

    func enable(req: Request) async throws -> Detail {
        let principal = try await req.requireReferenceAuthority(.manageRules)
        return try await Self.detail(try await service(req, principal).setActive(try await CatalogueLookup.find(req), true), on: req.db)
    }

    /// The mapping of the divisions on the caller's line (`division` narrows it to one division's line).
    func listRoles(req: Request) async throws -> [RoleMapping.Entry] {
        let principal = try await req.require(.manageRules)
        var line = principal.division
        if let text = req.query[String.self, at: "division"] {
            guard let code = DivisionCode(text), principal.canSee(code) else {
                throw Problem.invalid(field: "division", InputValidator(req).message("validation_division_outside"))
            }
            line = code
        }
        return try await DivisionRole.query(on: req.db).sort(\.$divisionCode).sort(\.$role).all()
            .filter { DivisionCode($0.divisionCode).map { $0.isRelated(to: line) } ?? false }
            .map { RoleMapping.Entry(divisionCode: $0.divisionCode, role: $0.role, departmentCode: $0.departmentCode) }
    }

    /// Sets (or, with a blank unit, removes) the unit that plays a role in a division of the caller's scope.
    func putRole(req: Request) async throws -> RoleMapping.Entry {
        let principal = try await req.require(.manageRules)
        let input = try req.content.decode(RoleMapping.Entry.self)
        var validator = InputValidator(req)
        let mapping = RoleMapping(database: req.db, principal: principal)
        let roles = Set(try await RoleMapping.knownRoles(on: req.db))
        let checked = try await mapping.check(input, roles: roles, into: &validator)
        try validator.finish()
        guard let checked else { throw Problem.invalid(validator.errors) }
        try await CatalogueLookup.writeRoles([checked], principal: principal, req)
        return checked
    }
}
