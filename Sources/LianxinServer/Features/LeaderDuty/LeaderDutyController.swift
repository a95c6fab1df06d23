import Fluent
import Foundation
import LianxinCore
import Vapor

/// `/api/v1/leader-duty/…` (我陪群众走流程) and `/api/v1/three-highs/…` (三高包保).
struct LeaderDutyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let duty = routes.grouped("api", "v1", "leader-duty")
        duty.get("overview", use: dutyOverview)
        duty.post("sessions", use: addSession)
        duty.post("sessions", ":id", "problems", use: addProblem)
        duty.post("problems", ":id", "actions", use: actOnProblem)
        let highs = routes.grouped("api", "v1", "three-highs")
        highs.get("overview", use: highsOverview)
        highs.post("matters", use: assign)
        highs.post("matters", ":id", "tasks", use: addTask)
        highs.post("tasks", ":id", "actions", use: actOnTask)
    }

    struct Created: Content {
        var id: String
        var status: String?
    }

    struct TaskAction: Content {
        var action: String?
    }

    func dutyOverview(req: Request) async throws -> LeaderDutyFigures {
        try await LeaderDutyFigures.load(req, principal: try await req.require(.viewLeaderDuty))
    }

    func addSession(req: Request) async throws -> Response {
        let principal = try await req.require(.manageLeaderDuty)
        let row = try await LeaderDutyService(req: req, principal: principal).addSession(try req.content.decode(LeaderDutyService.SessionInput.self))
        return try await Created(id: try row.requireID().uuidString).encodeResponse(status: .created, for: req)
    }

    func addProblem(req: Request) async throws -> Response {
        let principal = try await req.require(.manageLeaderDuty)
        let session = try await LeaderDutyLookup.session(req.parameters.get("id"), principal, req)
        let input = try req.content.decode(LeaderDutyService.ProblemInput.self)
        let row = try await LeaderDutyService(req: req, principal: principal).addProblem(session, input)
        return try await Created(id: try row.requireID().uuidString, status: row.status).encodeResponse(status: .created, for: req)
    }

    func actOnProblem(req: Request) async throws -> Created {
        let principal = try await req.require(.viewLeaderDuty)
        let row = try await LeaderDutyLookup.problem(req.parameters.get("id"), principal, req)
        try await LeaderDutyService(req: req, principal: principal).act(row, try req.content.decode(LeaderDutyService.ActionInput.self))
        return Created(id: try row.requireID().uuidString, status: row.status)
    }

    func highsOverview(req: Request) async throws -> ThreeHighsFigures {
        try await ThreeHighsFigures.load(req, principal: try await req.require(.viewLeaderDuty))
    }

    func assign(req: Request) async throws -> Response {
        let principal = try await req.require(.manageLeaderDuty)
        let row = try await ThreeHighsService(req: req, principal: principal).assign(try req.content.decode(ThreeHighsService.MatterInput.self))
        return try await Created(id: try row.requireID().uuidString).encodeResponse(status: .created, for: req)
    }

    func addTask(req: Request) async throws -> Response {
        let principal = try await req.require(.manageLeaderDuty)
        let matter = try await LeaderDutyLookup.matter(req.parameters.get("id"), principal, req)
        let input = try req.content.decode(ThreeHighsService.TaskInput.self)
        let row = try await ThreeHighsService(req: req, principal: principal).addTask(matter, input)
        return try await Created(id: try row.requireID().uuidString, status: row.status).encodeResponse(status: .created, for: req)
    }

    func actOnTask(req: Request) async throws -> Created {
        let principal = try await req.require(.manageLeaderDuty)
        let task = try await LeaderDutyLookup.matterTask(req.parameters.get("id"), principal, req)
        guard try req.content.decode(TaskAction.self).action == "done" else {
            throw Problem.invalid(field: "/action", InputValidator(req).message("ld_err_action"))
        }
        try await ThreeHighsService(req: req, principal: principal).finish(task)
        return Created(id: try task.requireID().uuidString, status: task.status)
    }
}
