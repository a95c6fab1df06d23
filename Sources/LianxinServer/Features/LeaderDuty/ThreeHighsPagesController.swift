import Fluent
import Foundation
import LianxinCore
import Vapor

/// `/three-highs` (三高包保): each matter with its owner, orders by month, trend, open and overdue orders and the
/// leader's tasks; the forms to assign a leader to a matter, set a task and mark it done.
struct ThreeHighsPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("three-highs")
        pages.get(use: page)
        pages.post("matters", use: assign)
        pages.post("matters", ":id", "tasks", use: addTask)
        pages.post("tasks", ":id", "actions", use: finish)
    }

    struct Model: Encodable, Sendable {
        let figures: ThreeHighsFigures
        let canManage: Bool
        let leaders: [SelectOption]
        let divisions: [SelectOption]
        let categories: [SelectOption]
        let tiers: [SelectOption]
        let units: [SelectOption]
        let deadline: String
        let notice: String
    }

    func page(req: Request) async throws -> Response {
        let principal = try await req.require(.viewLeaderDuty)
        let echo = req.formEcho
        let figures = try await ThreeHighsFigures.load(req, principal: principal)
        let canManage = principal.role.can(.manageLeaderDuty)
        let choices = canManage ? (try await LeaderDutyChoices.load(req, principal)) : LeaderDutyChoices.none
        let categories = canManage ? try await LeaderDutyChoices.categories(req) : []
        let today = LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone)
        let model = Model(
            figures: figures, canManage: canManage, leaders: choices.leaders.selecting(echo.values["leaderId"]),
            divisions: choices.divisions.selecting(echo.values["divisionCode"]), categories: categories.selecting(echo.values["categoryCode"]),
            tiers: ThreeHighs.Tier.allCases.map { SelectOption(value: $0.rawValue, label: req.t("th_tier_\($0.rawValue)_owner")) }
                .selecting(echo.values["tier"]),
            units: choices.units, deadline: today.adding(days: 30).description,
            notice: req.query[String.self, at: "done"] != nil ? req.t("ld_saved") : "")
        return try await req.page("leader-duty/three-highs", title: "th_title", model: model)
    }

    func form(_ req: Request, values: [String: String], action: String, _ write: (Principal) async throws -> Void) async throws -> Response {
        let principal = try await req.require(.manageLeaderDuty)
        do {
            try await write(principal)
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            return try await req.sendBack(to: "/three-highs", echo: FormEcho(action: action, values: values, problem: problem, req))
        }
        return req.redirect(to: "/three-highs?done=1")
    }

    func assign(req: Request) async throws -> Response {
        let input = try req.content.decode(ThreeHighsService.MatterInput.self)
        let values = [
            "leaderId": input.leaderId ?? "", "divisionCode": input.divisionCode ?? "", "categoryCode": input.categoryCode ?? "",
            "tier": input.tier ?? "", "note": input.note ?? "",
        ]
        return try await form(req, values: values, action: "/three-highs/matters") { principal in
            _ = try await ThreeHighsService(req: req, principal: principal).assign(input)
        }
    }

    func addTask(req: Request) async throws -> Response {
        let input = try req.content.decode(ThreeHighsService.TaskInput.self)
        let id = req.parameters.get("id") ?? ""
        let values = ["matter": id, "description": input.description ?? "", "ownerUnitId": input.ownerUnitId ?? "", "deadline": input.deadline ?? ""]
        return try await form(req, values: values, action: "/three-highs/matters/\(id)/tasks") { principal in
            let matter = try await LeaderDutyLookup.matter(id, principal, req)
            _ = try await ThreeHighsService(req: req, principal: principal).addTask(matter, input)
        }
    }

    func finish(req: Request) async throws -> Response {
        let id = req.parameters.get("id") ?? ""
        return try await form(req, values: ["task": id], action: "/three-highs/tasks/\(id)/actions") { principal in
            let task = try await LeaderDutyLookup.matterTask(id, principal, req)
            try await ThreeHighsService(req: req, principal: principal).finish(task)
        }
    }
}
