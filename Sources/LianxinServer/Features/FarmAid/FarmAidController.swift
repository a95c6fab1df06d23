import Fluent
import Foundation
import LianxinCore
import Vapor

/// `/api/v1/farm-aid/…` (农耕地互助): the year's figures, fields, teams, requests and their steps.
struct FarmAidController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "farm-aid")
        api.get("overview", use: overview)
        api.post("fields", use: addField)
        api.post("teams", use: addTeam)
        api.post("requests", use: addRequest)
        api.post("requests", ":id", "actions", use: act)
    }

    struct Created: Content {
        var id: String
        var status: String?
    }

    func overview(req: Request) async throws -> FarmAidFigures {
        try await FarmAidFigures.load(req, principal: try await req.require(.viewFarmAid))
    }

    func addField(req: Request) async throws -> Response {
        let principal = try await req.require(.manageFarmAid)
        let row = try await FarmAidService(req: req, principal: principal).addField(try req.content.decode(FarmAidService.FieldInput.self))
        return try await Created(id: try row.requireID().uuidString).encodeResponse(status: .created, for: req)
    }

    func addTeam(req: Request) async throws -> Response {
        let principal = try await req.require(.manageFarmAid)
        let row = try await FarmAidService(req: req, principal: principal).addTeam(try req.content.decode(FarmAidService.TeamInput.self))
        return try await Created(id: try row.requireID().uuidString).encodeResponse(status: .created, for: req)
    }

    func addRequest(req: Request) async throws -> Response {
        let principal = try await req.require(.manageFarmAid)
        let row = try await FarmAidService(req: req, principal: principal).addRequest(try req.content.decode(FarmAidService.RequestInput.self))
        return try await Created(id: try row.requireID().uuidString, status: row.status).encodeResponse(status: .created, for: req)
    }

    func act(req: Request) async throws -> Created {
        let principal = try await req.require(.manageFarmAid)
        let row = try await FarmAidService.request(req.parameters.get("id"), principal, req)
        try await FarmAidService(req: req, principal: principal).act(row, try req.content.decode(FarmAidService.ActionInput.self))
        return Created(id: try row.requireID().uuidString, status: row.status)
    }
}

/// `/farm-aid`: the figures, and the forms of the village staff and grid members: a household's field, a team, a
/// request, and each waiting request's next step.
struct FarmAidPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("farm-aid")
        pages.get(use: page)
        pages.post("fields", use: addField)
        pages.post("teams", use: addTeam)
        pages.post("requests", use: addRequest)
        pages.post("requests", ":id", "actions", use: act)
    }

    struct Model: Encodable, Sendable {
        let figures: FarmAidFigures
        let canManage: Bool
        let households: [SelectOption]
        let fields: [SelectOption]
        let teams: [SelectOption]
        let crops: [SelectOption]
        let tasks: [SelectOption]
        let today: String
        let notice: String
    }

    func page(req: Request) async throws -> Response {
        let principal = try await req.require(.viewFarmAid)
        let echo = req.formEcho
        let figures = try await FarmAidFigures.load(req, principal: principal)
        var households: [SelectOption] = []
        var fields: [SelectOption] = []
        var teams: [SelectOption] = []
        if principal.role.can(.manageFarmAid) {
            let scope = try await req.registryScope(principal)
            // Households to pick from (the page's search box narrows the list as one types).
            let rows = try await scope.limit(Household.query(on: req.db)).sort(\.$address).limit(3_000).all()
            households = rows.map { SelectOption(value: $0.id?.uuidString ?? "", label: $0.address) }
            let owned = try await FarmField.query(on: req.db).within(\.$communityCode, principal.division).all()
            let addresses = Dictionary(
                try await scope.limit(Household.query(on: req.db)).filter(\.$id ~~ owned.map(\.householdID)).all()
                    .compactMap { row in row.id.map { ($0, row.address) } }, uniquingKeysWith: { a, _ in a })
            fields = owned.filter { addresses[$0.householdID] != nil }
                .map { SelectOption(value: $0.id?.uuidString ?? "", label: "\(addresses[$0.householdID] ?? "") · \($0.name)") }
                .sorted { $0.label < $1.label }
            teams = try await FarmTeam.query(on: req.db).within(\.$communityCode, principal.division).sort(\.$name).all()
                .map { SelectOption(value: $0.id?.uuidString ?? "", label: $0.name) }
        }
        let model = Model(
            figures: figures, canManage: principal.role.can(.manageFarmAid), households: households.selecting(echo.values["householdId"]),
            fields: fields.selecting(echo.values["fieldId"]), teams: teams,
            crops: FarmAidService.crops.map { SelectOption(value: $0, label: req.t("farm_crop_\($0)")) }.selecting(echo.values["crop"] ?? "rice"),
            tasks: FarmAid.Task.allCases.map { SelectOption(value: $0.rawValue, label: req.t("farm_task_\($0.rawValue)")) }
                .selecting(echo.values["task"]),
            today: LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone).description,
            notice: req.query[String.self, at: "done"] != nil ? req.t("farm_saved") : "")
        return try await req.page("farm-aid/overview", title: "farm_title", model: model)
    }

    /// Runs a page form's write; a refusal draws the page again with the form's values and problems.
    func form(_ req: Request, values: [String: String], action: String, _ write: (Principal) async throws -> Void) async throws -> Response {
        let principal = try await req.require(.manageFarmAid)
        do {
            try await write(principal)
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            return try await req.sendBack(to: "/farm-aid", echo: FormEcho(action: action, values: values, problem: problem, req))
        }
        return req.redirect(to: "/farm-aid?done=1")
    }

    struct FieldForm: Content {
        var householdId: String?
        var name: String?
        var area: String?
        var crop: String?
        var labourShort: String?
    }

    func addField(req: Request) async throws -> Response {
        let input = try req.content.decode(FieldForm.self)
        let values = [
            "householdId": input.householdId ?? "", "name": input.name ?? "", "area": input.area ?? "", "crop": input.crop ?? "",
            "labourShort": input.labourShort ?? "",
        ]
        return try await form(req, values: values, action: "/farm-aid/fields") { principal in
            _ = try await FarmAidService(req: req, principal: principal).addField(
                .init(householdId: input.householdId, name: input.name, area: input.area, crop: input.crop, labourShort: input.labourShort == "on"))
        }
    }

    func addTeam(req: Request) async throws -> Response {
        let input = try req.content.decode(FarmAidService.TeamInput.self)
        let values = ["name": input.name ?? "", "leader": input.leader ?? "", "householdIds": (input.householdIds ?? []).joined(separator: ",")]
        return try await form(req, values: values, action: "/farm-aid/teams") { principal in
            _ = try await FarmAidService(req: req, principal: principal).addTeam(input)
        }
    }

    func addRequest(req: Request) async throws -> Response {
        let input = try req.content.decode(FarmAidService.RequestInput.self)
        let values = ["fieldId": input.fieldId ?? "", "task": input.task ?? "", "wantedOn": input.wantedOn ?? "", "days": input.days ?? ""]
        return try await form(req, values: values, action: "/farm-aid/requests") { principal in
            _ = try await FarmAidService(req: req, principal: principal).addRequest(input)
        }
    }

    struct ActionForm: Content {
        var action: String?
        var teamId: String?
        var helperIds: [String]?
        var helperDays: [String]?
    }

    func act(req: Request) async throws -> Response {
        let input = try req.content.decode(ActionForm.self)
        let id = req.parameters.get("id") ?? ""
        let ids = input.helperIds ?? []
        let days = input.helperDays ?? []
        let helpers = (0..<max(ids.count, days.count)).map { index in
            FarmAidService.ActionInput.Help(householdId: index < ids.count ? ids[index] : nil, days: index < days.count ? days[index] : nil)
        }
        return try await form(req, values: ["action": input.action ?? "", "request": id], action: "/farm-aid/requests/\(id)/actions") { principal in
            let row = try await FarmAidService.request(id, principal, req)
            try await FarmAidService(req: req, principal: principal).act(row, .init(action: input.action, teamId: input.teamId, helpers: helpers))
        }
    }
}
