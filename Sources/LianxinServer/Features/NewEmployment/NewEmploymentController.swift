import Vapor
import Fluent
import LianxinCore

/// `/api/v1/new-employment/…`: workers registered as part-time grid members (phones sealed, masked), their 随手拍
/// reports, the growth path, the tuition subsidy with its checks and public notice, and the figures.
struct NewEmploymentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "new-employment")
        api.get("overview", use: overview)
        api.post("workers", use: register)
        api.post("workers", ":id", "stage", use: promote)
        api.post("subsidies", use: apply)
        api.post("subsidies", ":id", "actions", use: act)
    }

    struct Created: Content {
        var id: String
        var status: String?
    }

    func overview(req: Request) async throws -> NewEmploymentFigures {
        try await NewEmploymentFigures.load(req, principal: try await req.require(.viewNewEmployment))
    }

    func register(req: Request) async throws -> Response {
        let principal = try await req.require(.manageNewEmployment)
        let row = try await NewEmploymentService(req: req, principal: principal).register(
            try req.content.decode(NewEmploymentService.WorkerInput.self))
        return try await Created(id: try row.requireID().uuidString, status: row.stage).encodeResponse(status: .created, for: req)
    }

    func promote(req: Request) async throws -> Created {
        let principal = try await req.require(.manageNewEmployment)
        let worker = try await NewEmploymentService.worker(req.parameters.get("id"), principal, req)
        try await NewEmploymentService(req: req, principal: principal).promote(worker, try req.content.decode(NewEmploymentService.StageInput.self))
        return Created(id: try worker.requireID().uuidString, status: worker.stage)
    }

    func apply(req: Request) async throws -> Response {
        let principal = try await req.require(.manageNewEmployment)
        let row = try await NewEmploymentService(req: req, principal: principal).apply(try req.content.decode(NewEmploymentService.SubsidyInput.self))
        return try await Created(id: try row.requireID().uuidString, status: row.status).encodeResponse(status: .created, for: req)
    }

    func act(req: Request) async throws -> Created {
        let principal = try await req.require(.manageNewEmployment)
        let row = try await NewEmploymentService.application(req.parameters.get("id"), principal, req)
        try await NewEmploymentService(req: req, principal: principal).act(row, try req.content.decode(NewEmploymentService.ActionInput.self))
        return Created(id: try row.requireID().uuidString, status: row.status)
    }
}
