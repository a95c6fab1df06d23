import Fluent
import Vapor

/// The county's return reasons (退单原因) over the API: every staff member may read the list a unit picks from;
/// the rules administrator adds, renames and retires reasons. A retired reason stays on the orders that used it.
struct ReturnReasonsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "return-reasons")
        api.get(use: list)
        api.post(use: create)
        api.patch(":id", use: update)
    }

    struct ReasonDTO: Content {
        var id: UUID?
        var name: String
        var needsNote: Bool
        var active: Bool
        var position: Int
    }

    struct ReasonInput: Content {
        var name: String?
        var needsNote: Bool?
        var active: Bool?
    }

    static func dto(_ reason: ReturnReason) -> ReasonDTO {
        ReasonDTO(id: reason.id, name: reason.name, needsNote: reason.needsNote, active: reason.active, position: reason.position)
    }

    func list(req: Request) async throws -> [ReasonDTO] {
        _ = try req.requirePrincipal()
        let all = req.query[Bool.self, at: "all"] == true
        var query = ReturnReason.query(on: req.db).sort(\.$position).sort(\.$name)
        if !all { query = query.filter(\.$active == true) }
        return try await query.all().map(Self.dto)
    }

    /// A reason's name: 2 to 60 characters, not the name of another reason.
    private func checkedName(_ text: String?, except id: UUID?, on db: any Database, _ checks: inout InputValidator) async throws -> String? {
        let name = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard (2...60).contains(name.count) else {
            checks.fail("/name", "write the reason in 2 to 60 characters / 请用2至60个字写明退单原因")
            return nil
        }
        var same = ReturnReason.query(on: db).filter(\.$name == name)
        if let id { same = same.filter(\.$id != id) }
        if try await same.first() != nil {
            checks.fail("/name", "a reason with this name exists / 已有同名的退单原因")
            return nil
        }
        return name
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.manageRules)
        let input = try req.content.decode(ReasonInput.self)
        var checks = InputValidator(req)
        let name = try await checkedName(input.name, except: nil, on: req.db, &checks)
        try checks.finish()
        let last = try await ReturnReason.query(on: req.db).max(\.$position) ?? 0
        let reason = ReturnReason(
            name: name ?? "", needsNote: input.needsNote ?? false, position: last + 10, active: input.active ?? true, createdAt: req.lianxin.now())
        try await req.db.transaction { db in
            try await reason.create(on: db)
            try await AuditLog.record(
                .settingsChanged, result: .success, actor: principal.auditActor, target: "return-reason:\(reason.id?.uuidString ?? "")",
                ip: req.clientIP, detail: "created \(reason.name)", at: req.lianxin.now(), on: db)
        }
        return try await Self.dto(reason).encodeResponse(status: .created, for: req)
    }

    func update(req: Request) async throws -> ReasonDTO {
        let principal = try await req.require(.manageRules)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let reason = try await ReturnReason.find(id, on: req.db) else {
            throw Problem.notFound("return reason")
        }
        let input = try req.content.decode(ReasonInput.self)
        var checks = InputValidator(req)
        if input.name != nil, let name = try await checkedName(input.name, except: id, on: req.db, &checks) { reason.name = name }
        try checks.finish()
        if let needsNote = input.needsNote { reason.needsNote = needsNote }
        if let active = input.active { reason.active = active }
        try await req.db.transaction { db in
            try await reason.save(on: db)
            try await AuditLog.record(
                .settingsChanged, result: .success, actor: principal.auditActor, target: "return-reason:\(id.uuidString)",
                ip: req.clientIP, detail: "name=\(reason.name) active=\(reason.active) needsNote=\(reason.needsNote)",
                at: req.lianxin.now(), on: db)
        }
        return Self.dto(reason)
    }
}
