import Vapor
import Fluent
import LianxinCore

/// A grid member's visits: those due today and the visit form.
extension GridPagesController {
    struct DueModel: Encodable, Sendable {
        struct Row: Encodable, Sendable {
            let householdId: String; let address: String; let gridCode: String; let tags: String; let dueOn: String; let overdueDays: Int;
            let lastVisit: String
        }
        let rows: [Row]
        let notice: String
    }

    /// 今日走访: the households whose visit is due, most urgent first.
    func visitsDue(req: Request) async throws -> Response {
        _ = try await req.require(.recordVisits)
        let due = try await VisitsController(maxUploadBytes: req.lianxin.settings.maxUploadBytes).due(req: req)
        // Tags by their label (独居老人), never their code (livingAloneElderly).
        let english = req.language == .en
        let label = Dictionary(
            try await ResidentTagRecord.query(on: req.db).all().compactMap { t in t.id.map { ($0, english ? t.englishLabel : t.chineseLabel) } },
            uniquingKeysWith: { a, _ in a })
        let rows = due.prefix(300).map { item in
            DueModel.Row(
                householdId: item.householdId.uuidString, address: item.address, gridCode: item.gridCode,
                tags: item.tags.map { label[$0] ?? $0 }.joined(separator: english ? ", " : "、"),
                dueOn: item.dueOn, overdueDays: item.daysOverdue, lastVisit: item.lastVisitAt.map(WorkbenchLookup.beijing) ?? "—")
        }
        let notice = req.query[String.self, at: "recorded"] != nil ? req.t("wb_visit_recorded") : ""
        return try await req.page("visits/visits", title: "wb_visits", model: DueModel(rows: Array(rows), notice: notice))
    }

    struct VisitFormModel: Encodable, Sendable {
        let householdId: String
        let address: String
        let values: [String: String]
        let errors: [String: String]
        let error: String
        let outcomes: [SelectOption]
        let categories: [SelectOption]
    }

    func visitForm(req: Request) async throws -> Response {
        let principal = try await req.require(.recordVisits)
        let household = try await Self.household(req.query[String.self, at: "household"], principal: principal, req)
        return try await renderVisitForm(req, household: household, values: ["outcome": "selfHandled"], errors: [:])
    }

    static func household(_ raw: String?, principal: Principal, _ req: Request) async throws -> Household {
        try await req.household(raw, for: principal)
    }

    func renderVisitForm(
        _ req: Request, household: Household, values: [String: String], errors: [String: String], error: String = "",
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let lookup = try await WorkbenchLookup.load(req)
        let outcomes = [
            SelectOption(value: "selfHandled", label: req.t("wb_outcome_selfHandled")),
            SelectOption(value: "workOrder", label: req.t("wb_outcome_workOrder")),
        ]
        let model = VisitFormModel(
            householdId: household.id?.uuidString ?? "", address: household.address, values: values, errors: errors, error: error,
            outcomes: outcomes.selecting(values["outcome"]), categories: lookup.categoryOptions.selecting(values["categoryCode"]))
        return try await req.page("visits/visit-form", title: "wb_visit_form", model: model, status: status)
    }

    struct VisitForm: Content {
        var householdId: String?
        var note: String?
        var latitude: String?
        var longitude: String?
        var finding: String?
        var outcome: String?
        var result: String?
        var categoryCode: String?
    }

    /// The visit form: turned into the API's visit (with at most one finding) and recorded by the same handler.
    func recordVisit(req: Request) async throws -> Response {
        let principal = try await req.require(.recordVisits)
        let form = try req.content.decode(VisitForm.self)
        let household = try await Self.household(form.householdId, principal: principal, req)
        let values = [
            "note": form.note ?? "", "finding": form.finding ?? "", "outcome": form.outcome ?? "", "result": form.result ?? "",
            "categoryCode": form.categoryCode ?? "",
        ]
        do {
            let lat = form.latitude.flatMap { Double($0) }, lon = form.longitude.flatMap { Double($0) }
            let finding = form.finding?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let findings =
                finding.isEmpty
                ? []
                : [
                    VisitsController.FindingInput(
                        description: finding, outcome: form.outcome, result: form.result,
                        categoryCode: form.categoryCode?.isEmpty == false ? form.categoryCode : nil)
                ]
            let input = VisitsController.VisitInput(
                householdId: household.id, visitedAt: nil, latitude: lat, longitude: lon,
                note: form.note, findings: findings, photoIds: nil)
            try req.content.encode(input, as: .json)
            _ = try await VisitsController(maxUploadBytes: req.lianxin.settings.maxUploadBytes).record(req: req)
            return req.redirect(to: "/my-visits?recorded=1")
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            var errors = problem.fieldMessages(req.language)
            for (key, value) in errors where key.hasPrefix("findings/0/") { errors[String(key.dropFirst("findings/0/".count))] = value }
            if let message = errors["findings/0/description"] { errors["finding"] = message }
            return try await renderVisitForm(
                req, household: household, values: values, errors: errors,
                error: errors.isEmpty ? problem.detail(req.language) : req.t("wb_fix_fields"), status: problem.status)
        }
    }
}
