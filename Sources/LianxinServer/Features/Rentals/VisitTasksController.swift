import Vapor
import Fluent
import LianxinCore

/// 人住即访 and 双重管理: a grid member's open visit tasks (due first) and marking one done; and the
/// floating residents a division sees — those registered in it who live elsewhere (outgoing: name
/// and ID masked, the community and since when, nothing about the unit or landlord) and those
/// living in its units (incoming).
struct VisitTasksController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("visit-tasks", use: list)
        api.post("visit-tasks", ":id", "done", use: done)
        api.get("floating-residents", use: floating)
    }

    /// The caller's own open tasks, the earliest due first.
    func list(req: Request) async throws -> [VisitTaskDTO] {
        let principal = try await req.require(.viewResidents)
        let tasks = try await VisitTask.query(on: req.db).filter(\.$assigneeID == principal.userID).filter(\.$doneAt == nil)
            .sort(\.$dueAt).sort(\.$id).limit(500).all()
        return try await Self.dtos(tasks, now: req.lianxin.now(), on: req.db)
    }

    struct DoneInput: Content { var note: String? }

    /// Marks one of the caller's tasks done with a note (0–500 characters); audited.
    func done(req: Request) async throws -> VisitTaskDTO {
        let principal = try await req.require(.viewResidents)
        guard let raw = req.parameters.get("id"), let id = UUID(uuidString: raw),
            let task = try await VisitTask.find(id, on: req.db), task.assigneeID == principal.userID
        else { throw Problem.notFound("visit task") }
        let note = (try req.content.decode(DoneInput.self).note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= 500 else { throw Problem.invalid(field: "/note", "at most 500 characters / 备注最多 500 个字符") }
        guard task.doneAt == nil else { throw Problem.conflict("this task is already done / 该任务已完成") }
        let now = req.lianxin.now()
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                task.doneAt = now
                task.note = note.isEmpty ? nil : note
                try await task.update(on: db)
                try await AuditLog.record(
                    .visitTaskDone, result: .success, actor: principal.auditActor, target: "visit-task:\(id)",
                    ip: req.clientIP, requestID: req.id, detail: task.kind, at: now, on: db)
            }
        }
        return try await Self.dtos([task], now: now, on: req.db)[0]
    }

    /// `direction=outgoing` (registered here, living elsewhere) or `incoming` (living in units here; a grid member: their grids).
    func floating(req: Request) async throws -> [FloatingResidentDTO] {
        let principal = try await req.require(.viewResidents)
        let direction = req.query[String.self, at: "direction"] ?? ""
        let query: QueryBuilder<Tenancy>
        switch direction {
        case "outgoing":
            query = Tenancy.query(on: req.db).inScope(\.$registrationDivision, principal).outside(\.$communityCode, principal.division)
        case "incoming":
            query = try await req.registryScope(principal).limit(Tenancy.query(on: req.db))
        default:
            throw Problem.invalid(field: "direction", "choose registered here or living here / 请选择户籍在本地或居住在本地")
        }
        let rows = try await query.filter(\.$movedOut == nil).sort(\.$communityCode).sort(\.$movedIn).sort(\.$id).limit(1000).all()
        let codes = Set(rows.flatMap { [$0.registrationDivision, $0.communityCode] })
        let names =
            codes.isEmpty
            ? [:]
            : Dictionary(
                try await Division.query(on: req.db).filter(\.$id ~~ Array(codes)).all()
                    .compactMap { division in division.id.map { ($0, division.name) } }, uniquingKeysWith: { first, _ in first })
        let units: [UUID: RentalUnit]
        if direction == "incoming", !rows.isEmpty {
            units = Dictionary(
                try await RentalUnit.query(on: req.db).filter(\.$id ~~ Array(Set(rows.map(\.unitID)))).all()
                    .compactMap { unit in unit.id.map { ($0, unit) } }, uniquingKeysWith: { first, _ in first })
        } else {
            units = [:]
        }
        let cipher = req.lianxin.cipher
        return try rows.map { row in
            var dto = FloatingResidentDTO(
                name: PersonalDataMask.name(row.name),
                idNumber: PersonalDataMask.idNumber(try cipher.open(row.idNumberCipher, for: .tenantIDNumber, row: try row.requireID())),
                registrationDivision: row.registrationDivision, registrationDivisionName: names[row.registrationDivision] ?? row.registrationDivision,
                communityCode: row.communityCode, communityName: names[row.communityCode] ?? row.communityCode, since: row.movedIn)
            if direction == "incoming" {
                dto.tenancyId = try row.requireID()
                dto.gridCode = row.gridCode
                dto.address = units[row.unitID]?.address
            }
            return dto
        }
    }

    static func dtos(_ tasks: [VisitTask], now: Date, on db: any Database) async throws -> [VisitTaskDTO] {
        let ids = tasks.compactMap(\.tenancyID)
        let tenancies = ids.isEmpty ? [] : try await Tenancy.query(on: db).filter(\.$id ~~ ids).all()
        let byID = Dictionary(tenancies.compactMap { row in row.id.map { ($0, row) } }, uniquingKeysWith: { first, _ in first })
        let unitIDs = Array(Set(tenancies.map(\.unitID)))
        let units = unitIDs.isEmpty ? [] : try await RentalUnit.query(on: db).filter(\.$id ~~ unitIDs).all()
        let unitByID = Dictionary(units.compactMap { unit in unit.id.map { ($0, unit) } }, uniquingKeysWith: { first, _ in first })
        return try tasks.map { task in
            let tenancy = task.tenancyID.flatMap { byID[$0] }
            return VisitTaskDTO(
                id: try task.requireID(), kind: task.kind, gridCode: task.gridCode, dueAt: task.dueAt,
                overdue: task.doneAt == nil && task.dueAt < now, doneAt: task.doneAt, note: task.note,
                tenancyId: task.tenancyID, tenantName: tenancy?.name, address: tenancy.flatMap { unitByID[$0.unitID]?.address },
                movedIn: tenancy?.movedIn)
        }
    }
}
