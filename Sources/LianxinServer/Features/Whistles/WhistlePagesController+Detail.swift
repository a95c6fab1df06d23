import Vapor
import Fluent
import LianxinCore

/// A whistle's page and the steps taken from it.
extension WhistlePagesController {
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
                DetailModel.Summoned(
                    departmentId: d.departmentId.uuidString, name: d.departmentName,
                    reportedAt: d.reportedAt.map(WorkbenchLookup.beijing) ?? "—",
                    onTime: d.onTime.map { $0 ? req.t("wb_yes") : req.t("wb_no") } ?? "—", workNote: d.workNote ?? "",
                    score: d.score.map { String(format: "%.1f", $0) } ?? "—", mine: d.departmentId == principal.departmentID)
            },
            formula: whistle.scoringFormula,
            canReport: whistle.status == WhistleStatus.open.rawValue && whistle.departments.contains { $0.departmentId == principal.departmentID },
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
                try req.content.encode(
                    WhistlesController.EvaluationInput(
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
            return try await render(
                req, error: problem.fieldMessages(req.language).values.sorted().first ?? problem.detail(req.language), status: problem.status)
        }
    }
}
