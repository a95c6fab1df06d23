import Vapor
import Fluent
import LianxinCore

extension CataloguePagesController {
    struct RoleRow: Encodable, Sendable {
        let index: Int
        let role: String
        let units: [SelectOption]
        let inherited: String
        let error: String
    }

    struct RolesModel: Encodable, Sendable {
        let division: String
        let divisions: [SelectOption]
        let rows: [RoleRow]
        let notice: String
        let error: String
    }

    /// The roles of the catalogue for one division of the administrator's scope, each with a picker of
    /// the units that may serve that division, and the unit an order would go to without a choice.
    func rolesForm(req: Request) async throws -> Response {
        let principal = try await req.require(.manageRules)
        let division = try await chosenDivision(req, principal, req.query[String.self, at: "division"])
        let current = try await DivisionRole.query(on: req.db).filter(\.$divisionCode == division.value).all()
        let values = Dictionary(current.map { ($0.role, $0.departmentCode) }, uniquingKeysWith: { a, _ in a })
        return try await renderRoles(
            req, principal, division: division, values: values, errors: [:], notice: req.query[String.self, at: "done"] != nil)
    }

    /// Saves every role of the division at once: all checked first, then written together, or none.
    func saveRoles(req: Request) async throws -> Response {
        let principal = try await req.require(.manageRules)
        let form = try req.content.decode([String: String].self)
        let division = try await chosenDivision(req, principal, form["division"])
        let roles = try await RoleMapping.knownRoles(on: req.db)
        let mapping = RoleMapping(database: req.db, principal: principal)
        var validator = InputValidator(req)
        var entries: [RoleMapping.Entry] = []
        var values: [String: String] = [:]
        for (index, role) in roles.enumerated() {
            let unit = form["unit\(index)"] ?? ""
            values[role] = unit
            let entry = RoleMapping.Entry(divisionCode: division.value, role: role, departmentCode: unit)
            if let checked = try await mapping.check(entry, roles: Set(roles), prefix: "/\(index)", into: &validator) { entries.append(checked) }
        }
        guard validator.isValid else {
            var errors: [Int: String] = [:]
            for error in validator.errors {
                if let index = error.field.split(separator: "/").first.flatMap({ Int($0) }) { errors[index] = error.message }
            }
            return try await renderRoles(
                req, principal, division: division, values: values, errors: errors, notice: false, status: .unprocessableEntity)
        }
        try await CatalogueLookup.writeRoles(entries, principal: principal, req)
        return req.redirect(to: "/admin/catalogue/roles?division=\(division.value)&done=1")
    }

    private func chosenDivision(_ req: Request, _ principal: Principal, _ text: String?) async throws -> DivisionCode {
        guard let text, !text.isEmpty else { return principal.division }
        guard let code = DivisionCode(text), principal.canSee(code), try await Division.find(code.value, on: req.db) != nil else {
            throw Problem.notFound("division")
        }
        return code
    }

    private func renderRoles(
        _ req: Request, _ principal: Principal, division: DivisionCode, values: [String: String], errors: [Int: String], notice: Bool,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let roles = try await RoleMapping.knownRoles(on: req.db)
        let units = try await DepartmentLookup.choices(division: division, for: principal, on: req.db)
        let above = try await DivisionRole.query(on: req.db).filter(\.$divisionCode ~~ division.lineage.dropFirst().map(\.value)).all()
        let names = Dictionary(units.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = roles.enumerated().map { index, role in
            let inherited = division.lineage.dropFirst().lazy.compactMap { place in
                above.first { $0.divisionCode == place.value && $0.role == role }.map { names[$0.departmentCode] ?? $0.departmentCode }
            }.first
            return RoleRow(
                index: index, role: role,
                units: units.map { SelectOption(value: $0.code, label: "\($0.name)（\($0.code)）", selected: $0.code == values[role]) },
                inherited: inherited.map { req.t("catalogue_roles_inherited_unit").replacingOccurrences(of: "{unit}", with: $0) }
                    ?? req.t("catalogue_roles_inherited"),
                error: errors[index] ?? "")
        }
        let model = RolesModel(
            division: division.value,
            divisions: try await UnitPages.divisionOptions(for: principal, selected: division.value, on: req.db),
            rows: rows, notice: notice ? req.t("catalogue_roles_saved") : "", error: errors.isEmpty ? "" : req.t("catalogue_errors"))
        return try await req.page("catalogue/roles", title: "catalogue_roles_title", model: model, status: status)
    }
}
