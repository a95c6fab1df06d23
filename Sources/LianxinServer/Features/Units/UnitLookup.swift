import Vapor
import Fluent
import LianxinCore

/// Finding units in a principal's line and showing them.
enum UnitLookup {
    /// Whether `principal` may see the unit: its division lies on one line with theirs (a county's
    /// staff see the city's units, their own county's and its townships', never another county's).
    static func visible(_ unit: Department, to principal: Principal) -> Bool {
        DivisionCode(unit.divisionCode)?.isRelated(to: principal.division) ?? false
    }

    /// The unit `id` names, or 404 when it does not exist or lies outside the principal's line.
    static func find(_ raw: String?, for principal: Principal, _ req: Request) async throws -> Department {
        guard let raw, let id = UUID(uuidString: raw), let unit = try await Department.find(id, on: req.db) else {
            throw Problem.notFound("unit")
        }
        guard visible(unit, to: principal) else { throw await req.outOfScope("unit", target: "unit:\(raw)") }
        return unit
    }

    /// The unit `id` names for a write: 404 outside the principal's line, 403 when it lies above
    /// their division (a county administrator reads the city's units but does not change them).
    static func findForWrite(_ raw: String?, for principal: Principal, _ req: Request) async throws -> Department {
        let unit = try await find(raw, for: principal, req)
        guard principal.canSee(divisionCode: unit.divisionCode) else {
            throw Problem(
                .forbidden, type: "forbidden", title: "Forbidden",
                detail: InputValidator(req).message("units_write_above"))
        }
        return unit
    }

    static func liaisons(of unit: Department, on db: any Database) async throws -> [DepartmentLiaison] {
        try await DepartmentLiaison.query(on: db).filter(\.$departmentID == unit.requireID()).sort(\.$sortOrder).all()
    }

    static func parentCode(of unit: Department, on db: any Database) async throws -> String? {
        guard let parentID = unit.parentID else { return nil }
        return try await Department.find(parentID, on: db)?.code
    }

    /// The unit as it stands, as input for an edit.
    static func asInput(_ unit: Department, on db: any Database) async throws -> UnitInput {
        UnitInput(unit, parentCode: try await parentCode(of: unit, on: db), liaisons: try await liaisons(of: unit, on: db))
    }

    static func dto(_ unit: Department, _ req: Request) async throws -> UnitDTO {
        try UnitDTO(
            unit, parentCode: try await parentCode(of: unit, on: req.db), liaisons: try await liaisons(of: unit, on: req.db),
            cipher: req.lianxin.cipher)
    }
}
