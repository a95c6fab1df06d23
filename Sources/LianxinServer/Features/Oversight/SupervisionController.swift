import Fluent
import Foundation
import LianxinCore
import Vapor

/// `/api/v1/oversight/projects/…` (义务监督员): projects, their volunteer supervisors and inspections, the unit's answers.
struct SupervisionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "oversight")
        api.get("projects", use: overview)
        api.post("projects", use: addProject)
        api.post("projects", ":id", "volunteers", use: addVolunteer)
        api.post("projects", ":id", "inspections", use: addInspection)
        api.post("inspections", ":id", "answer", use: answer)
    }

    struct Created: Content {
        var id: String
        var status: String?
    }

    func overview(req: Request) async throws -> SupervisionFigures {
        try await SupervisionFigures.load(req, principal: try await req.require(.viewSupervisedProjects))
    }

    func addProject(req: Request) async throws -> Response {
        let principal = try await req.require(.manageSupervisedProjects)
        let row = try await SupervisionService(req: req, principal: principal).addProject(
            try req.content.decode(SupervisionService.ProjectInput.self))
        return try await Created(id: try row.requireID().uuidString).encodeResponse(status: .created, for: req)
    }

    func addVolunteer(req: Request) async throws -> Response {
        let principal = try await req.require(.manageSupervisedProjects)
        let project = try await SupervisionService.project(req.parameters.get("id"), principal, req)
        let row = try await SupervisionService(req: req, principal: principal).addVolunteer(
            project, try req.content.decode(SupervisionService.VolunteerInput.self))
        return try await Created(id: try row.requireID().uuidString).encodeResponse(status: .created, for: req)
    }

    func addInspection(req: Request) async throws -> Response {
        let principal = try await req.require(.manageSupervisedProjects)
        let project = try await SupervisionService.project(req.parameters.get("id"), principal, req)
        let row = try await SupervisionService(req: req, principal: principal).addInspection(
            project, try req.content.decode(SupervisionService.InspectionInput.self))
        return try await Created(id: try row.requireID().uuidString, status: row.status).encodeResponse(status: .created, for: req)
    }

    func answer(req: Request) async throws -> Created {
        let principal = try await req.require(.answerSupervisionFindings)
        let row = try await SupervisionService(req: req, principal: principal).answer(
            req.parameters.get("id"), try req.content.decode(SupervisionService.AnswerInput.self))
        return Created(id: try row.requireID().uuidString, status: row.status)
    }
}
