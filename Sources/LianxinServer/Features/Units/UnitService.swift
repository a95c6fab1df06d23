import Vapor
import Fluent
import LianxinCore

/// The one writer of handling units: create, edit, move and disable, each checked whole and written
/// with its audit entry in one transaction.
struct UnitService {
    let application: Application
    let database: any Database
    /// Who writes; nil for the command line (no scope).
    let principal: Principal?
    var ip: String? = nil

    var context: LianxinContext { application.lianxin }
    var actor: AuditActor { principal?.auditActor ?? .commandLine }
    var checks: UnitChecks { UnitChecks(database: database, principal: principal) }

    /// Creates a unit from `input`, or throws every problem.
    func create(_ input: UnitInput) async throws -> Department {
        var validator = InputValidator(context.localizer)
        let valid = try await checks.fields(input, existing: nil, into: &validator)
        let parent = try await checks.checkParent(valid.parentCode, of: nil, division: valid.division, into: &validator)
        try validator.finish()
        let unit = Department()
        unit.active = true
        try await write(valid, into: unit, parentID: parent?.id, detail: "created")
        return unit
    }

    /// Changes the fields `input` names (a blank text clears one); the code stays.
    func edit(_ unit: Department, _ input: UnitInput) async throws -> Department {
        let current = try await UnitLookup.asInput(unit, on: database)
        var validator = InputValidator(context.localizer)
        let valid = try await checks.fields(current.overlaid(by: input), existing: unit, into: &validator)
        let parent = try await checks.checkParent(valid.parentCode, of: unit.id, division: valid.division, into: &validator)
        try await checkSubUnits(of: unit, division: valid.division, into: &validator)
        try validator.finish()
        try await write(valid, into: unit, parentID: parent?.id, detail: "edited")
        return unit
    }

    /// Moves the unit under another parent, into another division, or both.
    func move(_ unit: Department, _ input: UnitMoveInput) async throws -> Department {
        if input.parentCode == nil && input.divisionCode == nil {
            throw Problem.invalid(field: "/parentCode", InputValidator(context.localizer).message("units_move_nothing"))
        }
        return try await edit(unit, UnitInput(divisionCode: input.divisionCode, parentCode: input.parentCode))
    }

    /// A unit's sub-units must stay in its division's subtree when it moves.
    private func checkSubUnits(of unit: Department, division: DivisionCode, into validator: inout InputValidator) async throws {
        guard let id = unit.id else { return }
        let children = try await Department.query(on: database).filter(\.$parentID == id).all()
        if let child = children.first(where: { DivisionCode($0.divisionCode).map { !division.contains($0) } ?? true }) {
            validator.fail("/divisionCode", key: "units_children_outside", ["code": child.code])
        }
    }

    private func write(_ valid: ValidUnit, into unit: Department, parentID: UUID?, detail: String) async throws {
        let cipher = context.cipher
        let now = context.now()
        let (actor, ip) = (self.actor, self.ip)
        try await context.writes.run {
            try await database.transaction { db in
                try await UnitStore(database: db, cipher: cipher).save(valid, into: unit, parentID: parentID)
                try await AuditLog.record(
                    .settingsChanged, result: .success, actor: actor, target: "unit:\(valid.code)", recordDivision: valid.division.value,
                    ip: ip, detail: detail, at: now, on: db)
            }
        }
        context.referenceCache.clear()
    }
}

/// Writes a checked unit and its liaisons (inside the caller's transaction).
struct UnitStore {
    let database: any Database
    let cipher: FieldCipher

    func save(_ valid: ValidUnit, into unit: Department, parentID: UUID?) async throws {
        unit.code = valid.code
        unit.name = valid.name
        unit.shortName = valid.shortName
        unit.divisionCode = valid.division.value
        unit.level = valid.level.rawValue
        unit.parentID = parentID
        unit.dutyPhone = valid.dutyPhone
        unit.acceptedCategories = UnitFields.column(valid.categories)
        unit.activeFrom = valid.activeFrom?.description
        unit.activeTo = valid.activeTo?.description
        if unit.id == nil {
            unit.id = UUID()
            try await unit.create(on: database)
        } else {
            try await unit.update(on: database)
        }
        let unitID = try unit.requireID()
        let old = try await DepartmentLiaison.query(on: database).filter(\.$departmentID == unitID).all()
        let kept = Set(valid.liaisons.compactMap(\.keeps))
        for row in old where !kept.contains(try row.requireID()) { try await row.delete(on: database) }
        for (order, liaison) in valid.liaisons.enumerated() {
            if let keeps = liaison.keeps, let row = old.first(where: { $0.id == keeps }) {
                row.name = liaison.name
                row.sortOrder = order
                try await row.update(on: database)
            } else if let phone = liaison.phone {
                let id = UUID()
                let sealed = try cipher.seal(phone, for: .departmentLiaisonPhone, row: id)
                try await DepartmentLiaison(id: id, departmentID: unitID, name: liaison.name, phoneCipher: sealed, sortOrder: order).create(
                    on: database)
            }
        }
    }
}
