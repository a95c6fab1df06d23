import Fluent
import Foundation
import LianxinCore
import Vapor

/// `/leader-duty` (我陪群众走流程): the figures, the sessions and the open rectification tasks, and the forms of the
/// supervising office (a session, a problem found, confirming or sending back) and of the owner units (what was done).
struct LeaderDutyPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("leader-duty")
        pages.get(use: page)
        pages.post("sessions", use: addSession)
        pages.post("problems", use: addProblem)
        pages.post("problems", ":id", "actions", use: act)
    }

    struct Model: Encodable, Sendable {
        let figures: LeaderDutyFigures
        let canManage: Bool
        let canRectify: Bool
        let leaders: [SelectOption]
        let divisions: [SelectOption]
        let roles: [SelectOption]
        let sessions: [SelectOption]
        let units: [SelectOption]
        let today: String
        let deadline: String
        let notice: String
    }

    func page(req: Request) async throws -> Response {
        let principal = try await req.require(.viewLeaderDuty)
        let echo = req.formEcho
        let figures = try await LeaderDutyFigures.load(req, principal: principal)
        let canManage = principal.role.can(.manageLeaderDuty)
        let choices = canManage ? (try await LeaderDutyChoices.load(req, principal)) : LeaderDutyChoices.none
        let today = LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone)
        let sessions = figures.recent.map { SelectOption(value: $0.id, label: "\($0.heldOn) \($0.hall) · \($0.leader)") }
        let model = Model(
            figures: figures, canManage: canManage, canRectify: principal.role.can(.rectifyLeaderDuty),
            leaders: choices.leaders.selecting(echo.values["leaderId"]), divisions: choices.divisions.selecting(echo.values["divisionCode"]),
            roles: LeaderDuty.SessionRole.allCases.map { SelectOption(value: $0.rawValue, label: req.t("ld_role_\($0.rawValue)")) }
                .selecting(echo.values["role"]),
            sessions: sessions.selecting(echo.values["sessionId"]), units: choices.units.selecting(echo.values["ownerUnitId"]),
            today: today.description, deadline: today.adding(days: 15).description,
            notice: req.query[String.self, at: "done"] != nil ? req.t("ld_saved") : "")
        return try await req.page("leader-duty/overview", title: "ld_title", model: model)
    }

    func form(_ req: Request, values: [String: String], action: String, _ write: (Principal) async throws -> Void) async throws -> Response {
        let principal = try await req.require(.viewLeaderDuty)
        do {
            try await write(principal)
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound && problem.status != .forbidden {
            return try await req.sendBack(to: "/leader-duty", echo: FormEcho(action: action, values: values, problem: problem, req))
        }
        return req.redirect(to: "/leader-duty?done=1")
    }

    struct SessionForm: Content {
        var leaderId: String?
        var divisionCode: String?
        var heldOn: String?
        var hall: String?
        var matter: String?
        var role: String?
        var services: String?
    }

    func addSession(req: Request) async throws -> Response {
        let input = try req.content.decode(SessionForm.self)
        let values = [
            "leaderId": input.leaderId ?? "", "divisionCode": input.divisionCode ?? "", "heldOn": input.heldOn ?? "", "hall": input.hall ?? "",
            "matter": input.matter ?? "", "role": input.role ?? "", "services": input.services ?? "",
        ]
        return try await form(req, values: values, action: "/leader-duty/sessions") { principal in
            guard principal.role.can(.manageLeaderDuty) else { throw Problem.forbidden }
            _ = try await LeaderDutyService(req: req, principal: principal).addSession(
                .init(
                    leaderId: input.leaderId, divisionCode: input.divisionCode, heldOn: input.heldOn, hall: input.hall, matter: input.matter,
                    role: input.role, services: Int((input.services ?? "").trimmingCharacters(in: .whitespaces))))
        }
    }

    struct ProblemForm: Content {
        var sessionId: String?
        var description: String?
        var ownerUnitId: String?
        var deadline: String?
    }

    func addProblem(req: Request) async throws -> Response {
        let input = try req.content.decode(ProblemForm.self)
        let values = [
            "sessionId": input.sessionId ?? "", "description": input.description ?? "", "ownerUnitId": input.ownerUnitId ?? "",
            "deadline": input.deadline ?? "",
        ]
        return try await form(req, values: values, action: "/leader-duty/problems") { principal in
            guard principal.role.can(.manageLeaderDuty) else { throw Problem.forbidden }
            guard let raw = input.sessionId, !raw.isEmpty else {
                throw Problem.invalid(field: "/sessionId", InputValidator(req).message("ld_err_session"))
            }
            let session = try await LeaderDutyLookup.session(raw, principal, req)
            _ = try await LeaderDutyService(req: req, principal: principal).addProblem(
                session, .init(description: input.description, ownerUnitId: input.ownerUnitId, deadline: input.deadline))
        }
    }

    func act(req: Request) async throws -> Response {
        let input = try req.content.decode(LeaderDutyService.ActionInput.self)
        let id = req.parameters.get("id") ?? ""
        let values = ["action": input.action ?? "", "task": id, "rectification": input.rectification ?? ""]
        return try await form(req, values: values, action: "/leader-duty/problems/\(id)/actions") { principal in
            let row = try await LeaderDutyLookup.problem(id, principal, req)
            try await LeaderDutyService(req: req, principal: principal).act(row, input)
        }
    }
}

/// The pickers of the leaders-on-duty forms: leaders on the caller's line, divisions in scope, units the caller may name.
struct LeaderDutyChoices {
    var leaders: [SelectOption] = []
    var divisions: [SelectOption] = []
    var units: [SelectOption] = []

    static let none = LeaderDutyChoices()

    /// Every category in use as "parent / name", for the pages that take up a class of requests (三高包保, 每月一题).
    static func categories(_ req: Request) async throws -> [SelectOption] {
        let rows = try await Category.query(on: req.db).filter(\.$active == true).sort(\.$id).all()
        let names = Dictionary(rows.compactMap { row in row.id.map { ($0, row.name) } }, uniquingKeysWith: { a, _ in a })
        return rows.compactMap { row in
            guard let code = row.id else { return nil }
            let parent = row.parentCode.flatMap { names[$0] }
            return SelectOption(value: code, label: parent.map { "\($0) / \(row.name)" } ?? row.name)
        }
    }

    static func load(_ req: Request, _ principal: Principal) async throws -> LeaderDutyChoices {
        let names = try await LeaderDutyNames.divisions(req, principal)
        let leaders = try await LeaderDutyLookup.leaders(principal, on: req.db).compactMap { user in
            user.id.map { SelectOption(value: $0.uuidString, label: "\(user.displayName)（\(names[user.divisionCode] ?? user.divisionCode)）") }
        }
        let divisions = try await Division.query(on: req.db).within(\.$id, principal.division).sort(\.$id).limit(3_000).all()
            .compactMap { row in row.id.map { SelectOption(value: $0, label: row.name) } }
        let units = try await DepartmentLookup.choices(division: principal.division, for: principal, on: req.db)
            .compactMap { unit in unit.id.map { SelectOption(value: $0.uuidString, label: unit.name) } }
        return LeaderDutyChoices(leaders: leaders, divisions: divisions, units: units)
    }
}
