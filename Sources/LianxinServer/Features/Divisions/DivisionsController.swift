import Vapor
import Fluent
import LianxinCore

/// The administrative tree, as a page and as API, limited to the caller's subtree.
struct DivisionsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("divisions", use: page)
        routes.get("divisions", ":code", use: page)
        let api = routes.grouped("api", "v1", "divisions")
        api.get(use: list)
        api.get(":code", use: show)
    }

    struct DivisionDTO: Content {
        var code: String
        var name: String
        var level: String
        var parentCode: String?
        var validFrom: Date?
        var validTo: Date?

        init(_ division: Division) {
            code = division.id ?? ""
            name = division.name
            level = division.level
            parentCode = division.parentCode
            validFrom = division.validFrom
            validTo = division.validTo
        }
    }

    /// Children of `parent` (default: the caller's own division), by code.
    func list(req: Request) async throws -> ListPage<DivisionDTO> {
        let principal = try await req.require(.viewDivisions)
        let pageRequest = try PageRequest(req)
        var query = Division.query(on: req.db)
        if let parentText = req.query[String.self, at: "parent"] {
            guard let parent = DivisionCode(parentText) else { throw Problem.invalid(field: "parent", "not a division code / 区划代码无效") }
            guard principal.canSee(parent) else { throw await req.outOfScope("division", target: "division:\(parent)") }
            query = query.filter(\.$parentCode == parent.value)
        } else {
            query = query.filter(\.$id == principal.division.value)
        }
        if let after = pageRequest.after?.first { query = query.filter(\.$id > after) }
        let rows = try await query.sort(\.$id).limit(pageRequest.limit + 1).all()
        return pageRequest.page(rows, key: { [$0.id ?? ""] }, map: DivisionDTO.init)
    }

    /// One division; outside the caller's subtree it does not exist.
    func show(req: Request) async throws -> DivisionDTO {
        let principal = try await req.require(.viewDivisions)
        let division = try await Self.find(req.parameters.get("code"), for: principal, on: req)
        return DivisionDTO(division)
    }

    struct PageModel: Encodable, Sendable {
        let current: DivisionDTO
        let path: [DivisionDTO]
        let children: [DivisionDTO]
        let canGoUp: Bool
        let levelLabel: String
    }

    func page(req: Request) async throws -> Response {
        let principal = try await req.require(.viewDivisions)
        let division = try await Self.find(req.parameters.get("code") ?? principal.division.value, for: principal, on: req)
        async let path = DivisionQueries.path(to: division.code, on: req.db)
        async let children = Division.query(on: req.db).filter(\.$parentCode == division.code.value).sort(\.$id).all()
        let visiblePath = try await path.filter { principal.canSee($0.code) }
        let model = PageModel(
            current: DivisionDTO(division), path: visiblePath.map(DivisionDTO.init),
            children: try await children.map { child in
                var row = DivisionDTO(child)
                row.level = req.t("level_\(child.level)")
                return row
            },
            canGoUp: division.code != principal.division,
            levelLabel: req.t("level_\(division.level)"))
        return try await req.page("divisions/divisions", title: "nav_divisions", model: model)
    }

    static func find(_ raw: String?, for principal: Principal, on req: Request) async throws -> Division {
        guard let raw, let code = DivisionCode(raw) else { throw Problem.notFound("division") }
        guard principal.canSee(code) else { throw await req.outOfScope("division", target: "division:\(code)") }
        guard let division = try await Division.find(code.value, on: req.db) else { throw Problem.notFound("division") }
        return division
    }
}
