import Vapor
import Fluent
import LianxinCore

/// `/api/v1/departments`: the handling units (承办单位). Everyone signed in reads the units on their
/// line of the division tree (the pickers); the system administrator writes those of their division.
struct UnitsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "departments")
        api.get(use: list)
        api.post(use: create)
        api.get(":id", use: show)
        api.patch(":id", use: edit)
        api.post(":id", "move", use: move)
        api.post(":id", "disable", use: disable)
    }

    /// Units on the caller's line, by code, keyset-paged; filters `division` (a subtree), `level`,
    /// `parent` (a parent's code), `q` (in code or name) and `active` (true by default, false, all).
    func list(req: Request) async throws -> ListPage<UnitDTO> {
        let principal = try req.requirePrincipal()
        let page = try PageRequest(req)
        let query = try await UnitQueries.filtered(UnitQueries.Filters(req), for: principal, on: req.db)
        if let after = page.after {
            guard after.count == 1 else { throw Problem.invalid(field: "cursor", "is not a cursor this server issued / 游标无效") }
            query.filter(\.$code > after[0])
        }
        let rows = try await query.sort(\.$code).limit(page.limit + 1).all()
        let visible = Array(rows.prefix(page.limit))
        var parents: [UUID: String] = [:]
        for unit in try await Department.query(on: req.db).filter(\.$id ~~ visible.compactMap(\.parentID)).all() {
            if let id = unit.id { parents[id] = unit.code }
        }
        let ids = visible.compactMap(\.id)
        let liaisons = try await DepartmentLiaison.query(on: req.db).filter(\.$departmentID ~~ ids).sort(\.$sortOrder).all()
        let cipher = req.lianxin.cipher
        return try page.page(rows, key: { [$0.code] }) { unit in
            try UnitDTO(
                unit, parentCode: unit.parentID.flatMap { parents[$0] }, liaisons: liaisons.filter { $0.departmentID == unit.id }, cipher: cipher)
        }
    }

    func show(req: Request) async throws -> UnitDTO {
        let principal = try req.requirePrincipal()
        return try await UnitLookup.dto(try await UnitLookup.find(req.parameters.get("id"), for: principal, req), req)
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.manageRules)
        let input = try req.content.decode(UnitInput.self)
        let unit = try await UnitService(application: req.application, database: req.db, principal: principal, ip: req.clientIP).create(input)
        let response = try await UnitLookup.dto(unit, req).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/departments/\(try unit.requireID())")
        return response
    }

    func edit(req: Request) async throws -> UnitDTO {
        let principal = try await req.require(.manageRules)
        let unit = try await UnitLookup.findForWrite(req.parameters.get("id"), for: principal, req)
        let input = try req.content.decode(UnitInput.self)
        let service = UnitService(application: req.application, database: req.db, principal: principal, ip: req.clientIP)
        return try await UnitLookup.dto(try await service.edit(unit, input), req)
    }

    func move(req: Request) async throws -> UnitDTO {
        let principal = try await req.require(.manageRules)
        let unit = try await UnitLookup.findForWrite(req.parameters.get("id"), for: principal, req)
        let input = try req.content.decode(UnitMoveInput.self)
        let service = UnitService(application: req.application, database: req.db, principal: principal, ip: req.clientIP)
        return try await UnitLookup.dto(try await service.move(unit, input), req)
    }

    struct DisableResult: Content {
        var unit: UnitDTO
        var redispatched: Int
    }

    func disable(req: Request) async throws -> DisableResult {
        let principal = try await req.require(.manageRules)
        let unit = try await UnitLookup.findForWrite(req.parameters.get("id"), for: principal, req)
        let input = req.body.data == nil ? UnitDisableInput() : try req.content.decode(UnitDisableInput.self)
        let service = UnitService(application: req.application, database: req.db, principal: principal, ip: req.clientIP)
        let (disabled, moved) = try await service.disable(unit, reassignTo: input.reassignTo)
        return DisableResult(unit: try await UnitLookup.dto(disabled, req), redispatched: moved)
    }
}
