import Vapor
import Fluent

/// The audit log, readable by auditors only. There is no route that changes it.
struct AuditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("audit", use: page)
        routes.get("audit", "verify", use: verifyPage)
        routes.get("api", "v1", "audit-entries", use: list)
    }

    struct EntryDTO: Content {
        var id: UUID
        var at: Date
        var action: String
        var result: String
        var actorName: String
        var actorRole: String?
        var divisionCode: String?
        var recordDivision: String?
        var target: String?
        var ip: String?
        var requestId: String?
        var detail: String?

        init(_ entry: AuditEntry) {
            id = entry.id ?? UUID()
            at = entry.at
            action = entry.action
            result = entry.result
            actorName = entry.actorName
            actorRole = entry.actorRole
            divisionCode = entry.divisionCode
            recordDivision = entry.recordDivision
            target = entry.target
            ip = entry.ip
            requestId = entry.requestID
            detail = entry.detail
        }
    }

    /// Newest first, filtered by `action`, `result`, `actor`; keyset-paginated on (at, id).
    func list(req: Request) async throws -> ListPage<EntryDTO> {
        let principal = try await req.require(.readAuditLog)
        let pageRequest = try PageRequest(req)
        let rows = try await query(req, principal: principal, after: pageRequest.after).limit(pageRequest.limit + 1).all()
        return pageRequest.page(
            rows, key: { [String($0.at.timeIntervalSince1970), $0.id?.uuidString ?? ""] },
            map: EntryDTO.init)
    }

    struct PageModel: Encodable, Sendable {
        let entries: [Row]
        let filters: [String: String]
        let actions: [SelectOption]
        let nextCursor: String?
        struct Row: Content {
            let at: String
            let action: String
            let result: String
            let actor: [AuditPresentation.DetailPart]
            let role: String
            let target: [AuditPresentation.DetailPart]
            let recordDivision: String
            let ip: String
            let detail: [AuditPresentation.DetailPart]
        }
    }

    func page(req: Request) async throws -> Response {
        let principal = try await req.require(.readAuditLog)
        let pageRequest = try PageRequest(req)
        let rows = try await query(req, principal: principal, after: pageRequest.after).limit(pageRequest.limit + 1).all()
        let words = try await AuditPresentation.load(for: rows, on: req)
        let page = pageRequest.page(rows, key: { [String($0.at.timeIntervalSince1970), $0.id?.uuidString ?? ""] }) { entry in
            PageModel.Row(
                at: ChinaTime.minute(entry.at), action: words.action(entry.action), result: entry.result, actor: words.actor(entry.actorName),
                role: entry.actorRole.map { req.t("role_\($0)") } ?? "", target: words.target(entry.target),
                recordDivision: words.division(entry.recordDivision), ip: entry.ip ?? "", detail: words.detail(entry.detail))
        }
        let filters = ["action", "result", "actor"].reduce(into: [String: String]()) { $0[$1] = req.query[String.self, at: $1] ?? "" }
        return try await req.page(
            "audit/audit", title: "nav_audit",
            model: PageModel(
                entries: page.items, filters: filters,
                actions: AuditAction.allCases.map { SelectOption(value: $0.rawValue, label: words.action($0.rawValue)) }, nextCursor: page.nextCursor)
        )
    }

    /// Entries about records in the auditor's subtree (by the record's division, wherever the actor
    /// sits); entries about no record by the actor's division, plus those with none (anonymous failures).
    private func query(_ req: Request, principal: Principal, after: [String]?) throws -> QueryBuilder<AuditEntry> {
        var query = AuditEntry.query(on: req.db).group(.or) { group in
            group.within(\.$recordDivision, principal.division).group(.and) { unrecorded in
                unrecorded.filter(\.$recordDivision == nil).group(.or) { actor in
                    actor.within(\.$divisionCode, principal.division).filter(\.$divisionCode == nil)
                }
            }
        }
        if let action = req.query[String.self, at: "action"], !action.isEmpty { query = query.filter(\.$action == action) }
        if let result = req.query[String.self, at: "result"], !result.isEmpty { query = query.filter(\.$result == result) }
        if let actor = req.query[String.self, at: "actor"], !actor.isEmpty { query = query.filter(\.$actorName == actor) }
        if let after {
            guard after.count == 2, let at = Double(after[0]).map(Date.init(timeIntervalSince1970:)), let id = UUID(uuidString: after[1]) else {
                throw Problem.invalid(field: "cursor", "is not a cursor this server issued / 游标无效")
            }
            query = query.group(.or) { group in
                group.filter(\.$at < at).group(.and) { $0.filter(\.$at == at).filter(\.$id < id) }
            }
        }
        return query.sort(\.$at, .descending).sort(\.$id, .descending)
    }
}
