import Vapor
import Fluent
import LianxinCore

/// 吹哨报到 pages: the whistles in scope, blowing one (optionally on an order), and one whistle with
/// its summoned departments' reports, work notes, 一哨一评 marks and closing. Each form goes through
/// the API's handler, so the rules and messages are the same.
struct WhistlePagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("whistles", use: list)
        routes.get("whistles", "new", use: newForm)
        routes.post("whistles", "new", use: blow)
        routes.get("whistles", ":id", use: show)
        routes.post("whistles", ":id", ":step", use: step)
    }

    struct ListModel: Encodable, Sendable {
        struct Row: Encodable, Sendable { let id: String; let title: String; let status: String; let statusTitle: String; let blownAt: String; let departments: String }
        let rows: [Row]
        let canBlow: Bool
    }

    func list(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        let whistles = try await WhistlesController().list(req: req)
        let rows = whistles.map { w in
            ListModel.Row(id: w.id.uuidString, title: w.title, status: w.status, statusTitle: req.t("wb_whistle_\(w.status)"),
                          blownAt: WorkbenchLookup.beijing(w.blownAt), departments: w.departments.map(\.departmentName).joined(separator: "、"))
        }
        return try await req.page("whistles/whistles", title: "nav_whistles", model: ListModel(rows: rows, canBlow: principal.role.can(.blowWhistle)))
    }

    struct FormModel: Encodable, Sendable {
        let values: [String: String]
        let errors: [String: String]
        let error: String
        let departments: [SelectOption]
        let orderId: String
        let orderNumber: String
    }

    func newForm(req: Request) async throws -> Response {
        let principal = try await req.require(.blowWhistle)
        return try await renderForm(req, principal: principal, orderID: req.query[String.self, at: "order"] ?? "", values: [:], errors: [:])
    }

    func renderForm(_ req: Request, principal: Principal, orderID: String, values: [String: String], errors: [String: String],
                    error: String = "", status: HTTPResponseStatus = .ok) async throws -> Response {
        let lookup = try await WorkbenchLookup.load(req)
        var number = ""
        if !orderID.isEmpty { number = try await WorkOrdersController.find(orderID, for: principal, on: req).number }
        let chosen = Set((values["departmentIds"] ?? "").split(separator: ",").map(String.init))
        let model = FormModel(values: values, errors: errors, error: error,
                              departments: lookup.departmentOptions.map { SelectOption(value: $0.value, label: $0.label, selected: chosen.contains($0.value)) },
                              orderId: orderID, orderNumber: number)
        return try await req.page("whistles/whistle-new", title: "nav_whistles", model: model, status: status)
    }

    struct BlowForm: Content {
        var title: String?
        var description: String?
        var requiredArrival: String?
        var departmentIds: [String]?
        var orderId: String?
    }

    func blow(req: Request) async throws -> Response {
        let principal = try await req.require(.blowWhistle)
        let form = try req.content.decode(BlowForm.self)
        let values = ["title": form.title ?? "", "description": form.description ?? "", "requiredArrival": form.requiredArrival ?? "",
                      "departmentIds": (form.departmentIds ?? []).joined(separator: ",")]
        do {
            // The browser's datetime-local is Beijing wall time.
            var arrival: Date?
            if let text = form.requiredArrival, !text.isEmpty {
                guard let date = ISOTimestamp.parse(text.count == 16 ? text + ":00+08:00" : text) else {
                    throw Problem.invalid(field: "/requiredArrivalAt", req.t("wb_whistle_time"))
                }
                arrival = date
            }
            let order = form.orderId.flatMap { $0.isEmpty ? nil : UUID(uuidString: $0) }
            let input = WhistlesController.BlowInput(title: form.title, description: form.description, requiredArrivalAt: arrival,
                                                     departmentIds: (form.departmentIds ?? []).compactMap(UUID.init(uuidString:)),
                                                     orderId: order, divisionCode: nil)
            try req.content.encode(input, as: .json)
            let response = try await WhistlesController().blow(req: req)
            let created = try response.content.decode(WhistlesController.WhistleDTO.self)
            return req.redirect(to: "/whistles/\(created.id)")
        } catch let problem as Problem where problem.status.code < 500 {
            var errors = problem.fieldMessages
            if let message = errors["requiredArrivalAt"] { errors["requiredArrival"] = message }
            return try await renderForm(req, principal: principal, orderID: form.orderId ?? "", values: values, errors: errors,
                                        error: errors.isEmpty ? problem.detail : req.t("wb_fix_fields"), status: problem.status)
        }
    }

    struct DetailModel: Encodable, Sendable {
        struct Summoned: Encodable, Sendable {
            let departmentId: String; let name: String; let reportedAt: String; let onTime: String; let workNote: String; let score: String
            let mine: Bool
        }
        let id: String
        let title: String
        let description: String
        let status: String
        let statusTitle: String
        let requiredArrival: String
        let result: String
        let orderId: String
        let departments: [Summoned]
        let formula: String
        let canReport: Bool
        let canScore: Bool
        let notice: String
        let error: String
    }

    func show(req: Request) async throws -> Response {
        try await render(req, notice: req.query[String.self, at: "done"] != nil ? req.t("wb_whistle_saved") : "")
    }

    func render(_ req: Request, notice: String = "", error: String = "", status: HTTPResponseStatus = .ok) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        let whistle = try await WhistlesController().show(req: req)
        let model = DetailModel(
            id: whistle.id.uuidString, title: whistle.title, description: whistle.description, status: whistle.status,
            statusTitle: req.t("wb_whistle_\(whistle.status)"), requiredArrival: WorkbenchLookup.beijing(whistle.requiredArrivalAt),
            result: whistle.result ?? "", orderId: whistle.orderId?.uuidString ?? "",
            departments: whistle.departments.map { d in
                DetailModel.Summoned(departmentId: d.departmentId.uuidString, name: d.departmentName,
                                     reportedAt: d.reportedAt.map(WorkbenchLookup.beijing) ?? "—",
                                     onTime: d.onTime.map { $0 ? req.t("wb_yes") : req.t("wb_no") } ?? "—", workNote: d.workNote ?? "",
                                     score: d.score.map { String(format: "%.1f", $0) } ?? "—", mine: d.departmentId == principal.departmentID)
            },
            formula: whistle.scoringFormula, canReport: whistle.status == WhistleStatus.open.rawValue && whistle.departments.contains { $0.departmentId == principal.departmentID },
            canScore: principal.role.can(.blowWhistle), notice: notice, error: error)
        return try await req.page("whistles/whistle", title: "nav_whistles", model: model, status: status)
    }

    struct StepForm: Content {
        var note: String?
        var departmentId: String?
        var evaluator: String?
        var handling: String?
        var satisfaction: String?
        var result: String?
    }

    /// 报到, 工作记录, 评分 or 结束 from the whistle's page.
    func step(req: Request) async throws -> Response {
        let form = try req.content.decode(StepForm.self)
        let controller = WhistlesController()
        do {
            switch req.parameters.get("step") ?? "" {
            case "report":
                try req.content.encode(WhistlesController.NoteInput(note: form.note), as: .json)
                _ = try await controller.report(req: req)
            case "work":
                try req.content.encode(WhistlesController.NoteInput(note: form.note), as: .json)
                _ = try await controller.work(req: req)
            case "evaluations":
                try req.content.encode(WhistlesController.EvaluationInput(
                    departmentId: form.departmentId.flatMap(UUID.init(uuidString:)), evaluator: form.evaluator,
                    handling: form.handling.flatMap { Int($0) }, satisfaction: form.satisfaction.flatMap { Int($0) }), as: .json)
                _ = try await controller.evaluate(req: req)
            case "close":
                try req.content.encode(WhistlesController.CloseInput(result: form.result), as: .json)
                _ = try await controller.close(req: req)
            default:
                throw Problem.notFound("page")
            }
            return req.redirect(to: "/whistles/\(req.parameters.get("id") ?? "")?done=1")
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            return try await render(req, error: problem.fieldMessages.values.sorted().first ?? problem.detail, status: problem.status)
        }
    }
}
