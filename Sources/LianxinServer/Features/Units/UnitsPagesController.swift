import Vapor
import Fluent
import LianxinCore

/// `/admin/units`: the system administrator's pages for the handling units of their division — the
/// list with filters, the form (new and edit, re-rendered with each problem beside its field and
/// what was typed kept) and disabling with the choice of where open orders go.
struct UnitsPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("admin", "units")
        pages.get(use: index)
        pages.get("new", use: newForm)
        pages.post("new", use: create)
        pages.get(":id", use: editForm)
        pages.post(":id", use: edit)
        pages.get(":id", "disable", use: disableForm)
        pages.post(":id", "disable", use: disable)
    }

    struct Row: Content, Sendable {
        let id: String
        let code: String
        let name: String
        let division: String
        let level: String
        let parent: String
        let active: Bool
        let editable: Bool
    }

    struct IndexModel: Encodable, Sendable {
        let rows: [Row]
        let q: String
        let levels: [SelectOption]
        let divisions: [SelectOption]
        let showInactive: Bool
        let nextCursor: String
        let notice: String
    }

    func index(req: Request) async throws -> Response {
        let principal = try await req.require(.manageRules)
        var filters = try UnitQueries.Filters(req)
        if req.query[String.self, at: "active"] == nil { filters.active = nil }
        let page = try PageRequest(req)
        let query = try await UnitQueries.filtered(filters, for: principal, on: req.db)
        if let after = page.after, let last = after.first { query.filter(\.$code > last) }
        let rows = try await query.sort(\.$code).limit(page.limit + 1).all()
        let names = try await UnitPages.divisionNames(Set(rows.map(\.divisionCode)), on: req.db)
        var parents: [UUID: String] = [:]
        for unit in try await Department.query(on: req.db).filter(\.$id ~~ rows.compactMap(\.parentID)).all() { parents[unit.id!] = unit.name }
        let listed = page.page(rows, key: { [$0.code] }) { unit in
            Row(
                id: unit.id?.uuidString ?? "", code: unit.code, name: unit.name, division: names[unit.divisionCode] ?? unit.divisionCode,
                level: req.t("units_level_\(unit.level ?? "city")"), parent: unit.parentID.flatMap { parents[$0] } ?? "",
                active: unit.active, editable: principal.canSee(divisionCode: unit.divisionCode))
        }
        let level = req.query[String.self, at: "level"] ?? ""
        let division = req.query[String.self, at: "division"] ?? ""
        let model = IndexModel(
            rows: listed.items, q: filters.text ?? "",
            levels: UnitLevel.allCases.map {
                SelectOption(value: $0.rawValue, label: req.t("units_level_\($0.rawValue)"), selected: $0.rawValue == level)
            },
            divisions: try await UnitPages.divisionOptions(for: principal, selected: division, on: req.db),
            showInactive: filters.active == nil, nextCursor: listed.nextCursor ?? "",
            notice: req.query[String.self, at: "done"].map { _ in req.t("units_saved") } ?? "")
        return try await req.page("units/index", title: "units_title", model: model)
    }

    func newForm(req: Request) async throws -> Response {
        let principal = try await req.require(.manageRules)
        return try await UnitPages.renderForm(req, principal: principal, unit: nil, values: [:], errors: [:])
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.manageRules)
        let values = try req.content.decode([String: String].self)
        let (input, rows) = UnitPages.input(values, existing: [])
        do {
            let service = UnitService(application: req.application, database: req.db, principal: principal, ip: req.clientIP)
            _ = try await service.create(input)
            return req.redirect(to: "/admin/units?done=1")
        } catch let problem as Problem where problem.status.code < 500 {
            return try await UnitPages.renderForm(
                req, principal: principal, unit: nil, values: values, errors: UnitPages.errors(problem, rows: rows), status: problem.status)
        }
    }

    func editForm(req: Request) async throws -> Response {
        let principal = try await req.require(.manageRules)
        let unit = try await UnitLookup.findForWrite(req.parameters.get("id"), for: principal, req)
        return try await UnitPages.renderForm(
            req, principal: principal, unit: unit, values: try await UnitPages.values(of: unit, on: req.db), errors: [:])
    }

    func edit(req: Request) async throws -> Response {
        let principal = try await req.require(.manageRules)
        let unit = try await UnitLookup.findForWrite(req.parameters.get("id"), for: principal, req)
        let values = try req.content.decode([String: String].self)
        let kept = try await UnitLookup.liaisons(of: unit, on: req.db).compactMap(\.id)
        let (input, rows) = UnitPages.input(values, existing: kept)
        do {
            let service = UnitService(application: req.application, database: req.db, principal: principal, ip: req.clientIP)
            _ = try await service.edit(unit, input)
            return req.redirect(to: "/admin/units?done=1")
        } catch let problem as Problem where problem.status.code < 500 {
            return try await UnitPages.renderForm(
                req, principal: principal, unit: unit, values: values, errors: UnitPages.errors(problem, rows: rows), status: problem.status)
        }
    }

    struct DisableModel: Encodable, Sendable {
        let id: String
        let name: String
        let waiting: Int
        let targets: [SelectOption]
        let error: String
    }

    func disableForm(req: Request) async throws -> Response {
        let principal = try await req.require(.manageRules)
        let unit = try await UnitLookup.findForWrite(req.parameters.get("id"), for: principal, req)
        return try await renderDisable(req, principal: principal, unit: unit, error: "")
    }

    func disable(req: Request) async throws -> Response {
        let principal = try await req.require(.manageRules)
        let unit = try await UnitLookup.findForWrite(req.parameters.get("id"), for: principal, req)
        let values = try req.content.decode([String: String].self)
        do {
            let service = UnitService(application: req.application, database: req.db, principal: principal, ip: req.clientIP)
            _ = try await service.disable(unit, reassignTo: values["reassignTo"])
            return req.redirect(to: "/admin/units?done=1")
        } catch let problem as Problem where problem.status.code < 500 {
            return try await renderDisable(
                req, principal: principal, unit: unit, error: problem.errors.first?.message ?? problem.detail, status: problem.status)
        }
    }

    private func renderDisable(
        _ req: Request, principal: Principal, unit: Department, error: String, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let service = UnitService(application: req.application, database: req.db, principal: principal)
        let waiting = try await service.ordersWaiting(on: unit)
        let divisions = waiting.compactMap { DivisionCode($0.divisionCode) }
        let targets = try await Department.query(on: req.db).filter(\.$active == true).sort(\.$code).all().filter { target in
            target.id != unit.id && divisions.allSatisfy { DepartmentLookup.mayServe(target, division: $0, for: principal) }
                && UnitLookup.visible(target, to: principal)
        }
        let model = DisableModel(
            id: try unit.requireID().uuidString, name: unit.name, waiting: waiting.count,
            targets: targets.map { SelectOption(value: $0.code, label: "\($0.name) (\($0.code))") }, error: error)
        return try await req.page("units/disable", title: "units_disable_title", model: model, status: status)
    }
}
