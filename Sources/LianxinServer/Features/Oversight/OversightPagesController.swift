import Fluent
import Foundation
import LianxinCore
import Vapor

/// `/oversight/reports` (监督一点通: counts for leaders; the reports themselves for the discipline inspectors) and
/// `/oversight/handovers` (巡察移交: the figures, the group's form, each township's reply, the group's decision).
struct OversightPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("oversight")
        pages.get("reports", use: reports)
        pages.get("reports", ":id", use: report)
        pages.post("reports", ":id", "actions", use: actOnReport)
        pages.post("reports", ":id", "contact", use: contact)
        pages.get("handovers", use: handovers)
        pages.post("handovers", use: fileHandover)
        pages.post("handovers", ":id", "actions", use: actOnHandover)
    }

    struct ReportsModel: Encodable, Sendable {
        let figures: ConductFigures
        let isInspector: Bool
        let reports: [OversightController.ReportLine]
    }

    func reports(req: Request) async throws -> Response {
        let principal = try await req.require(.viewConductFigures)
        let figures = try await ConductFigures.load(req, principal: principal)
        var lines: [OversightController.ReportLine] = []
        if principal.role.can(.handleConductReports) {
            let rows = try await ConductReport.query(on: req.db).within(\.$divisionCode, principal.division).sort(\.$createdAt, .descending)
                .limit(300).all()
            let names = try await ConductReportLines.names(req, rows.map(\.divisionCode))
            lines = rows.map { ConductReportLines.line($0, req, principal: principal, names: names) }
        }
        return try await req.page(
            "oversight/reports", title: "ov_reports_title",
            model: ReportsModel(figures: figures, isInspector: principal.role.can(.handleConductReports), reports: lines))
    }

    struct ReportModel: Encodable, Sendable {
        let report: OversightController.ReportLine
        let contactName: String
        let contactPhone: String
        let revealed: Bool
        let hasContact: Bool
        let actions: [String]
        let findings: [SelectOption]
        let notice: String
    }

    func renderReport(_ req: Request, contact: (name: String, phone: String)? = nil) async throws -> Response {
        let principal = try await ConductReportService.inspector(req)
        let row = try await ConductReportService.report(req.parameters.get("id"), principal, req)
        try await req.auditDisclosure(
            .conductReportViewed, target: "conduct-report:\(row.id?.uuidString ?? "")", recordDivision: row.divisionCode, detail: nil)
        let line = ConductReportLines.line(row, req, principal: principal, names: try await ConductReportLines.names(req, [row.divisionCode]))
        let status = Oversight.ReportStatus(rawValue: row.status) ?? .received
        let mayAct = row.handlerID == nil || row.handlerID == principal.userID
        let actions = mayAct ? Oversight.ReportAction.allCases.filter { Oversight.apply($0, to: status) != nil }.map(\.rawValue) : []
        let echo = req.formEcho
        return try await req.page(
            "oversight/report", title: "ov_report_title",
            model: ReportModel(
                report: line, contactName: contact?.name ?? line.reporterName, contactPhone: contact?.phone ?? line.reporterPhone,
                revealed: contact != nil, hasContact: row.reporterNameCipher != nil || row.reporterPhoneCipher != nil, actions: actions,
                findings: Oversight.Finding.allCases.map { SelectOption(value: $0.rawValue, label: req.t("ov_finding_\($0.rawValue)")) }
                    .selecting(echo.values["finding"]),
                notice: req.query[String.self, at: "done"] != nil ? req.t("ov_saved") : ""))
    }

    func report(req: Request) async throws -> Response { try await renderReport(req) }

    func contact(req: Request) async throws -> Response {
        let principal = try await ConductReportService.inspector(req)
        let row = try await ConductReportService.report(req.parameters.get("id"), principal, req)
        let found = try await ConductReportService(req: req).contact(row, by: principal)
        return try await renderReport(req, contact: found)
    }

    func actOnReport(req: Request) async throws -> Response {
        let principal = try await ConductReportService.inspector(req)
        let input = try req.content.decode(ConductReportService.ActionInput.self)
        let id = req.parameters.get("id") ?? ""
        let row = try await ConductReportService.report(id, principal, req)
        do {
            try await ConductReportService(req: req).act(row, input, by: principal)
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            let values = ["action": input.action ?? "", "finding": input.finding ?? "", "reply": input.reply ?? "", "note": input.note ?? ""]
            return try await req.sendBack(
                to: "/oversight/reports/\(id)", echo: FormEcho(action: "report-\(input.action ?? "")", values: values, problem: problem, req))
        }
        return req.redirect(to: "/oversight/reports/\(id)?done=1")
    }

    struct HandoversModel: Encodable, Sendable {
        let figures: HandoverFigures
        let canFile: Bool
        let canReply: Bool
        let picker: DivisionPicker?
        let today: String
        let deadline: String
        let notice: String
    }

    func handovers(req: Request) async throws -> Response {
        let principal = try await req.require(.viewHandovers)
        let echo = req.formEcho
        let today = LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone)
        let canFile = principal.role.can(.runInspections)
        let picker =
            canFile
            ? try await DivisionPicker.load(
                req, id: "ho-division", name: "divisionCode", label: req.t("ov_ho_place"), under: principal.division,
                selected: echo.action == "/oversight/handovers" ? echo.values["divisionCode"] : nil, empty: req.t("field_picker_choose"),
                help: req.t("ov_ho_place_help"), error: echo.action == "/oversight/handovers" ? echo.errors["divisionCode"] ?? "" : "")
            : nil
        return try await req.page(
            "oversight/handovers", title: "ov_ho_title_page",
            model: HandoversModel(
                figures: try await HandoverFigures.load(req, principal: principal), canFile: canFile, canReply: principal.role.can(.replyHandovers),
                picker: picker, today: today.description, deadline: today.adding(days: 7).description,
                notice: req.query[String.self, at: "done"] != nil ? req.t("ov_saved") : ""))
    }

    func fileHandover(req: Request) async throws -> Response {
        let principal = try await req.require(.runInspections)
        let input = try req.content.decode(HandoverService.HandoverInput.self)
        do {
            _ = try await HandoverService(req: req, principal: principal).file(input)
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            let values = [
                "divisionCode": input.divisionCode ?? "", "title": input.title ?? "", "problem": input.problem ?? "",
                "foundOn": input.foundOn ?? "", "deadline": input.deadline ?? "",
            ]
            return try await req.sendBack(
                to: "/oversight/handovers", echo: FormEcho(action: "/oversight/handovers", values: values, problem: problem, req))
        }
        return req.redirect(to: "/oversight/handovers?done=1")
    }

    func actOnHandover(req: Request) async throws -> Response {
        let principal = try await req.require(.viewHandovers)
        let input = try req.content.decode(HandoverService.ActionInput.self)
        let id = req.parameters.get("id") ?? ""
        let row = try await HandoverService.handover(id, principal, req)
        do {
            try await HandoverService(req: req, principal: principal).act(row, input)
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound && problem.status != .forbidden {
            let values = [
                "id": id, "action": input.action ?? "", "reply": input.reply ?? "", "proof": input.proof ?? "", "reason": input.reason ?? "",
            ]
            return try await req.sendBack(
                to: "/oversight/handovers", echo: FormEcho(action: "handover-\(input.action ?? "")", values: values, problem: problem, req))
        }
        return req.redirect(to: "/oversight/handovers?done=1")
    }
}
