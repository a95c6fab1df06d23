import Vapor
import Fluent
import LianxinCore

/// `/knowledge`: the knowledge base's pages — search and list, an entry with its versions and the actions open to the
/// reader, the form (new and edit, re-rendered with each problem beside its field and what was typed kept) and the
/// hotline centre's approval queue.
struct KnowledgePagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("knowledge")
        pages.get(use: index)
        pages.get("approvals", use: approvals)
        pages.get("new", use: newForm)
        pages.post("new", use: create)
        pages.get(":id", use: show)
        pages.get(":id", "edit", use: editForm)
        pages.post(":id", "edit", use: edit)
        pages.post(":id", "decide", use: decide)
    }

    struct Row: Encodable, Sendable {
        let id: String
        let question: String
        let answer: String
        let status: String
        let validTo: String
        let score: String
    }

    struct IndexModel: Encodable, Sendable {
        let q: String
        let rows: [Row]
        let searched: Bool
        let canWrite: Bool
        let canApprove: Bool
        let notice: String
        let error: String
    }

    private func row(_ entry: KnowledgeEntry, score: Double? = nil, _ req: Request) -> Row {
        Row(
            id: entry.id?.uuidString ?? "", question: entry.question, answer: entry.answer,
            status: req.t("kb_status_\(entry.status)"), validTo: entry.validTo ?? "",
            score: score.map { String(Int(($0 * 100).rounded())) } ?? "")
    }

    func index(req: Request) async throws -> Response {
        let principal = try await req.require(.viewKnowledge)
        let q = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var rows: [Row] = []
        var error = ""
        if q.count > 200 {
            error = req.t("kb_query_long")
        } else if !q.isEmpty {
            rows = try await KnowledgeLookup.search(q, for: principal, limit: 20, on: req.db, now: req.lianxin.now())
                .map { row($0.0, score: $0.1, req) }
        } else {
            rows = try await KnowledgeLookup.list(for: principal, status: nil, limit: 100, on: req.db).map { row($0, req) }
        }
        let model = IndexModel(
            q: q, rows: rows, searched: !q.isEmpty, canWrite: principal.role.can(.writeKnowledge),
            canApprove: principal.role.can(.approveKnowledge),
            notice: req.query[String.self, at: "done"].map { _ in req.t("kb_saved") } ?? "", error: error)
        return try await req.page("knowledge/index", title: "kb_title", model: model)
    }

    func approvals(req: Request) async throws -> Response {
        let principal = try await req.require(.approveKnowledge)
        let rows = try await KnowledgeLookup.list(for: principal, status: .pending, limit: 100, on: req.db).map { row($0, req) }
        let model = IndexModel(q: "", rows: rows, searched: false, canWrite: true, canApprove: true, notice: "", error: "")
        return try await req.page("knowledge/approvals", title: "kb_approvals", model: model)
    }

    struct VersionRow: Encodable, Sendable {
        let version: Int
        let question: String
        let answer: String
        let editedBy: String
        let editedAt: String
        let note: String
    }

    struct EntryModel: Encodable, Sendable {
        let id: String
        let question: String
        let answer: String
        let keywords: String
        let category: String
        let divisions: String
        let unit: String
        let validFrom: String
        let validTo: String
        let status: String
        let decisionNote: String
        let answeredCount: Int
        let versions: [VersionRow]
        let canEdit: Bool
        let actions: [SelectOption]
        let error: String
        let notice: String
    }

    func show(req: Request) async throws -> Response {
        let principal = try await req.require(.viewKnowledge)
        let entry = try await KnowledgeLookup.find(req.parameters.get("id"), for: principal, req)
        return try await renderEntry(req, principal: principal, entry: entry, error: "")
    }

    private func renderEntry(
        _ req: Request, principal: Principal, entry: KnowledgeEntry, error: String, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let writable = KnowledgeLookup.canWrite(entry, principal)
        let service = KnowledgeService(application: req.application, database: req.db, principal: principal)
        let actions =
            writable
            ? service.actor.map {
                KnowledgeLifecycle.offered(in: KnowledgeStatus(rawValue: entry.status) ?? .draft, to: $0, author: entry.authorID)
            } ?? [] : []
        let catalog = try await ReferenceData.catalog(req.lianxin.referenceCache, on: req.db)
        let names = try await UnitPages.divisionNames(Set(entry.divisions.split(separator: ",").map(String.init)), on: req.db)
        let unit = try await entry.departmentID.asyncMap { try await Department.find($0, on: req.db) }
        let model = EntryModel(
            id: try entry.requireID().uuidString, question: entry.question, answer: entry.answer, keywords: entry.keywords,
            category: entry.categoryCode.flatMap { catalog.categories[$0]?.name } ?? "",
            divisions: entry.divisions.split(separator: ",").map { names[String($0)] ?? String($0) }.joined(separator: "、"),
            unit: unit??.name ?? "", validFrom: entry.validFrom ?? "", validTo: entry.validTo ?? "",
            status: req.t("kb_status_\(entry.status)"), decisionNote: entry.decisionNote ?? "", answeredCount: entry.answeredCount,
            versions: try await entry.versions(on: req.db).reversed().map {
                VersionRow(
                    version: $0.version, question: $0.question, answer: $0.answer, editedBy: $0.editedByName,
                    editedAt: WorkbenchLookup.beijing($0.editedAt), note: $0.note ?? "")
            },
            canEdit: actions.contains(.edit),
            actions: actions.filter { $0 != .edit }.map { SelectOption(value: $0.rawValue, label: req.t("kb_action_\($0.rawValue)")) },
            error: error, notice: req.query[String.self, at: "done"].map { _ in req.t("kb_saved") } ?? "")
        return try await req.page("knowledge/entry", title: "kb_entry", model: model, status: status)
    }

    /// Submit, approve, refuse or withdraw from the entry page; a refusal is shown on the page.
    func decide(req: Request) async throws -> Response {
        let principal = try await req.require(.viewKnowledge)
        let entry = try await KnowledgeLookup.findForWrite(req.parameters.get("id"), for: principal, req)
        let values = try req.content.decode([String: String].self)
        guard let action = values["action"].flatMap(KnowledgeAction.init(rawValue:)), action != .edit, action != .expire else {
            return try await renderEntry(req, principal: principal, entry: entry, error: req.t("kb_not_in_status"), status: .unprocessableEntity)
        }
        do {
            let service = KnowledgeService(application: req.application, database: req.db, principal: principal, ip: req.clientIP)
            _ = try await service.decide(action, entry, reason: values["reason"])
            return req.redirect(to: "/knowledge/\(try entry.requireID())?done=1")
        } catch let problem as Problem where problem.status.code < 500 {
            let message = problem.errors.first.map { req.language.pick($0.message) } ?? req.language.pick(problem.detail)
            return try await renderEntry(req, principal: principal, entry: entry, error: message, status: problem.status)
        }
    }

    struct FormModel: Encodable, Sendable {
        let id: String
        let values: [String: String]
        let errors: [String: String]
        let categories: [SelectOption]
        let divisions: [SelectOption]
        let units: [SelectOption]
        let chooseUnit: Bool
        let error: String
    }

    func newForm(req: Request) async throws -> Response {
        let principal = try await req.require(.writeKnowledge)
        var values: [String: String] = [:]
        // A unit proposing its answer to a consultation order as an entry (提议入库).
        if let raw = req.query[String.self, at: "fromOrder"], let order = try? await WorkOrderLookup.find(raw, for: principal, on: req) {
            let reply = (try? WorkOrderService.decodeState(order))?.publicReply ?? ""
            values = ["question": order.title, "answer": reply, "categoryCode": order.categoryCode, "fromOrder": raw]
        }
        return try await renderForm(req, principal: principal, entry: nil, values: values, errors: [:])
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.writeKnowledge)
        let values = try req.content.decode([String: String].self)
        do {
            var source: UUID?
            if let raw = values["fromOrder"], !raw.isEmpty { source = try await WorkOrderLookup.find(raw, for: principal, on: req).id }
            let service = KnowledgeService(application: req.application, database: req.db, principal: principal, ip: req.clientIP)
            let entry = try await service.create(Self.input(values), sourceOrderID: source)
            return req.redirect(to: "/knowledge/\(try entry.requireID())?done=1")
        } catch let problem as Problem where problem.status.code < 500 {
            return try await renderForm(
                req, principal: principal, entry: nil, values: values, errors: Self.errors(problem, req), status: problem.status)
        }
    }

    func editForm(req: Request) async throws -> Response {
        let principal = try await req.require(.writeKnowledge)
        let entry = try await KnowledgeLookup.findForWrite(req.parameters.get("id"), for: principal, req)
        let unit = try await entry.departmentID.asyncMap { try await Department.find($0, on: req.db) }
        let values = [
            "question": entry.question, "answer": entry.answer, "keywords": entry.keywords, "categoryCode": entry.categoryCode ?? "",
            "divisionCode": entry.divisions.split(separator: ",").first.map(String.init) ?? "", "departmentCode": unit??.code ?? "",
            "validFrom": entry.validFrom ?? "", "validTo": entry.validTo ?? "",
        ]
        return try await renderForm(req, principal: principal, entry: entry, values: values, errors: [:])
    }

    func edit(req: Request) async throws -> Response {
        let principal = try await req.require(.writeKnowledge)
        let entry = try await KnowledgeLookup.findForWrite(req.parameters.get("id"), for: principal, req)
        let values = try req.content.decode([String: String].self)
        do {
            let service = KnowledgeService(application: req.application, database: req.db, principal: principal, ip: req.clientIP)
            _ = try await service.edit(entry, Self.input(values))
            return req.redirect(to: "/knowledge/\(try entry.requireID())?done=1")
        } catch let problem as Problem where problem.status.code < 500 {
            return try await renderForm(
                req, principal: principal, entry: entry, values: values, errors: Self.errors(problem, req), status: problem.status)
        }
    }

    static func input(_ values: [String: String]) -> KnowledgeInput {
        KnowledgeInput(
            question: values["question"], answer: values["answer"], keywords: values["keywords"], categoryCode: values["categoryCode"],
            divisionCodes: values["divisionCode"].map { [$0] }, departmentCode: values["departmentCode"], validFrom: values["validFrom"],
            validTo: values["validTo"], note: values["note"])
    }

    /// The problem's messages by form field (`/divisionCodes/0` is the one division field).
    static func errors(_ problem: Problem, _ req: Request) -> [String: String] {
        var errors: [String: String] = [:]
        for error in problem.errors {
            var key = error.field.hasPrefix("/") ? String(error.field.dropFirst()) : error.field
            if key.hasPrefix("divisionCodes") { key = "divisionCode" }
            let message = req.language.pick(error.message)
            errors[key] = errors[key].map { $0 + "; " + message } ?? message
        }
        if errors.isEmpty { errors["form"] = req.language.pick(problem.detail) }
        return errors
    }

    private func renderForm(
        _ req: Request, principal: Principal, entry: KnowledgeEntry?, values: [String: String], errors: [String: String],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let lookup = try await WorkbenchLookup.load(req)
        let chooseUnit = !principal.role.requiresDepartment
        let units =
            chooseUnit
            ? try await Department.query(on: req.db).filter(\.$active == true).sort(\.$code).all()
                .filter { UnitLookup.visible($0, to: principal) }
                .map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == values["departmentCode"]) } : []
        let model = FormModel(
            id: entry?.id?.uuidString ?? "", values: values, errors: errors,
            categories: lookup.categoryOptions.selecting(values["categoryCode"]),
            divisions: try await UnitPages.divisionOptions(for: principal, selected: values["divisionCode"] ?? "", on: req.db),
            units: units, chooseUnit: chooseUnit, error: errors.isEmpty ? "" : req.t("kb_fix_fields"))
        return try await req.page("knowledge/form", title: entry == nil ? "kb_new" : "kb_edit", model: model, status: status)
    }
}
