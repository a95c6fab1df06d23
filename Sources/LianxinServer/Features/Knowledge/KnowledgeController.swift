import Vapor
import Fluent
import LianxinCore

/// `/api/v1/knowledge`: the knowledge base (知识库). Everyone handling orders searches the published entries that
/// apply to them; units write entries, the hotline centre approves them.
struct KnowledgeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "knowledge")
        api.get(use: list)
        api.post(use: create)
        api.get(":id", use: show)
        api.patch(":id", use: edit)
        for action in [KnowledgeAction.submit, .approve, .reject, .withdraw] {
            api.post(":id", PathComponent(stringLiteral: action.rawValue)) { req in try await decide(req, action) }
        }
    }

    /// With `q`: the published entries valid today that best answer it (at most `limit`, 10 by default), best first,
    /// each with its score; `category` narrows to one category. Without `q`: the entries the caller may read, newest
    /// change first, optionally of one `status` (`pending` is the approval queue).
    func list(req: Request) async throws -> [KnowledgeDTO] {
        let principal = try await req.require(.viewKnowledge)
        let limit = min(max(req.query[Int.self, at: "limit"] ?? 10, 1), 100)
        if let text = req.query[String.self, at: "q"]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            guard text.count <= 200 else { throw Problem.invalid(field: "q", InputValidator(req).message("kb_query_long")) }
            let category = req.query[String.self, at: "category"].flatMap { $0.isEmpty ? nil : $0 }
            return try await KnowledgeLookup.search(text, for: principal, categoryCode: category, limit: limit, on: req.db, now: req.lianxin.now())
                .map { try KnowledgeDTO($0.0, score: $0.1) }
        }
        var status: KnowledgeStatus?
        if let raw = req.query[String.self, at: "status"], !raw.isEmpty {
            guard let parsed = KnowledgeStatus(rawValue: raw) else {
                throw Problem.invalid(field: "status", InputValidator(req).message("kb_status_unknown"))
            }
            status = parsed
        }
        return try await KnowledgeLookup.list(for: principal, status: status, limit: limit, on: req.db).map { try KnowledgeDTO($0) }
    }

    func show(req: Request) async throws -> KnowledgeDTO {
        let principal = try await req.require(.viewKnowledge)
        let entry = try await KnowledgeLookup.find(req.parameters.get("id"), for: principal, req)
        return try KnowledgeDTO(entry, versions: try await entry.versions(on: req.db))
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.writeKnowledge)
        let input = try req.content.decode(KnowledgeInput.self)
        let entry = try await KnowledgeService(application: req.application, database: req.db, principal: principal, ip: req.clientIP)
            .create(input)
        let response = try await KnowledgeDTO(entry, versions: try await entry.versions(on: req.db)).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/knowledge/\(try entry.requireID())")
        return response
    }

    func edit(req: Request) async throws -> KnowledgeDTO {
        let principal = try await req.require(.writeKnowledge)
        let entry = try await KnowledgeLookup.findForWrite(req.parameters.get("id"), for: principal, req)
        let input = try req.content.decode(KnowledgeInput.self)
        let service = KnowledgeService(application: req.application, database: req.db, principal: principal, ip: req.clientIP)
        let edited = try await service.edit(entry, input)
        return try KnowledgeDTO(edited, versions: try await edited.versions(on: req.db))
    }

    func decide(_ req: Request, _ action: KnowledgeAction) async throws -> KnowledgeDTO {
        let principal = try await req.require(action == .approve || action == .reject ? .approveKnowledge : .writeKnowledge)
        let entry = try await KnowledgeLookup.findForWrite(req.parameters.get("id"), for: principal, req)
        let input = req.body.data == nil ? KnowledgeDecisionInput() : try req.content.decode(KnowledgeDecisionInput.self)
        let service = KnowledgeService(application: req.application, database: req.db, principal: principal, ip: req.clientIP)
        return try KnowledgeDTO(try await service.decide(action, entry, reason: input.reason))
    }
}
