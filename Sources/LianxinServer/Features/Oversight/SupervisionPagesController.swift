import Fluent
import Foundation
import LianxinCore
import Vapor

/// `/oversight/projects` (义务监督员): the figures, each project with its volunteer supervisors and inspections; the
/// village staff's forms (a project, a volunteer, an inspection) and the responsible unit's answer to a finding.
struct SupervisionPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("oversight")
        pages.get("projects", use: page)
        pages.post("projects", use: addProject)
        pages.post("projects", ":id", "volunteers", use: addVolunteer)
        pages.post("projects", ":id", "inspections", use: addInspection)
        pages.post("inspections", ":id", "answer", use: answer)
    }

    struct Model: Encodable, Sendable {
        let figures: SupervisionFigures
        let canManage: Bool
        let canAnswer: Bool
        let picker: DivisionPicker?
        let units: [SelectOption]
        let today: String
        let notice: String
    }

    func page(req: Request) async throws -> Response {
        let principal = try await req.require(.viewSupervisedProjects)
        let echo = req.formEcho
        let canManage = principal.role.can(.manageSupervisedProjects)
        let mine = echo.action == "project"
        let picker =
            canManage
            ? try await DivisionPicker.load(
                req, id: "pj-division", name: "divisionCode", label: req.t("ov_pj_place"), under: principal.division,
                selected: mine ? echo.values["divisionCode"] : nil, empty: req.t("field_picker_choose"),
                error: mine ? echo.errors["divisionCode"] ?? "" : "")
            : nil
        let units = canManage ? try await SupervisionService.units(for: principal.division, req) : []
        return try await req.page(
            "oversight/projects", title: "ov_pj_title_page",
            model: Model(
                figures: try await SupervisionFigures.load(req, principal: principal), canManage: canManage,
                canAnswer: principal.role.can(.answerSupervisionFindings), picker: picker,
                units: units.map { SelectOption(value: $0.id?.uuidString ?? "", label: $0.name) }.selecting(mine ? echo.values["departmentId"] : nil),
                today: LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone).description,
                notice: req.query[String.self, at: "done"] != nil ? req.t("ov_saved") : ""))
    }

    /// Runs a form's write; a refusal draws the page again with the form's values and problems (`action` names the form).
    func form(_ req: Request, _ permission: Permission, action: String, values: [String: String], _ write: (Principal) async throws -> Void)
        async throws -> Response
    {
        let principal = try await req.require(permission)
        do {
            try await write(principal)
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            return try await req.sendBack(to: "/oversight/projects", echo: FormEcho(action: action, values: values, problem: problem, req))
        }
        return req.redirect(to: "/oversight/projects?done=1")
    }

    func addProject(req: Request) async throws -> Response {
        let input = try req.content.decode(SupervisionService.ProjectInput.self)
        let values = [
            "divisionCode": input.divisionCode ?? "", "name": input.name ?? "", "departmentId": input.departmentId ?? "",
            "startsOn": input.startsOn ?? "", "endsOn": input.endsOn ?? "", "budget": input.budget ?? "",
        ]
        return try await form(req, .manageSupervisedProjects, action: "project", values: values) { principal in
            _ = try await SupervisionService(req: req, principal: principal).addProject(input)
        }
    }

    func addVolunteer(req: Request) async throws -> Response {
        let input = try req.content.decode(SupervisionService.VolunteerInput.self)
        let id = req.parameters.get("id") ?? ""
        let values = ["id": id, "name": input.name ?? "", "phone": input.phone ?? "", "team": input.team ?? ""]
        return try await form(req, .manageSupervisedProjects, action: "volunteer", values: values) { principal in
            let project = try await SupervisionService.project(id, principal, req)
            _ = try await SupervisionService(req: req, principal: principal).addVolunteer(project, input)
        }
    }

    func addInspection(req: Request) async throws -> Response {
        let input = try req.content.decode(SupervisionService.InspectionInput.self)
        let id = req.parameters.get("id") ?? ""
        let values = [
            "id": id, "volunteerId": input.volunteerId ?? "", "inspectedOn": input.inspectedOn ?? "", "findings": input.findings ?? "",
            "problem": input.problem ?? "",
        ]
        return try await form(req, .manageSupervisedProjects, action: "inspection", values: values) { principal in
            let project = try await SupervisionService.project(id, principal, req)
            _ = try await SupervisionService(req: req, principal: principal).addInspection(project, input)
        }
    }

    func answer(req: Request) async throws -> Response {
        let input = try req.content.decode(SupervisionService.AnswerInput.self)
        let id = req.parameters.get("id") ?? ""
        return try await form(req, .answerSupervisionFindings, action: "answer", values: ["id": id, "answer": input.answer ?? ""]) { principal in
            _ = try await SupervisionService(req: req, principal: principal).answer(id, input)
        }
    }
}
