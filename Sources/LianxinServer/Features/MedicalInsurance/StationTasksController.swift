import Vapor
import Fluent
import LianxinCore

/// `/api/v1/medical-insurance/station-tasks` (前沿哨兵): the tasks the caller sees, a task given to a station
/// worker (supervisors), and a task's completion with its checklist and finding (the assignee or a supervisor).
struct StationTasksController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "medical-insurance", "station-tasks")
        api.get(use: list)
        api.post(use: assign)
        api.post(":id", "completion", use: complete)
    }

    struct TaskDTO: Content {
        var id: UUID
        var kind: String
        var institutionCode: String
        var assignee: String
        var subject: String
        var settlementID: String?
        var dueOn: String
        var status: String
        var checklist: [String]
        var answers: [StationTask.Answer]
        var finding: String
        var leadID: UUID?

        init(_ row: InsuranceStationTask) throws {
            id = try row.requireID()
            kind = row.kind
            institutionCode = row.institutionCode
            assignee = row.assignee
            subject = row.subject
            settlementID = row.settlementID
            dueOn = row.dueOn
            status = row.status
            checklist = StationTask.Kind(rawValue: row.kind).flatMap { StationTask.checklists[$0] } ?? []
            answers = (try? JSONDecoder().decode([StationTask.Answer].self, from: Data(row.answers.utf8))) ?? []
            finding = row.finding
            leadID = row.leadID
        }
    }

    func list(req: Request) async throws -> [TaskDTO] {
        let principal = try await req.require(.doStationWork)
        return try await StationWork.list(for: principal, status: req.query[String.self, at: "status"], on: req.db).map(TaskDTO.init)
    }

    func assign(req: Request) async throws -> Response {
        let principal = try await req.require(.superviseMedicalInsurance)
        let row = try await StationWork(request: req, principal: principal).assign(try req.content.decode(StationWork.AssignInput.self))
        return try await TaskDTO(row).encodeResponse(status: .created, for: req)
    }

    func complete(req: Request) async throws -> TaskDTO {
        let principal = try await req.require(.doStationWork)
        let task = try await StationWork.find(req.parameters.get("id"), for: principal, on: req.db)
        try await StationWork(request: req, principal: principal).complete(task, try req.content.decode(StationWork.CompleteInput.self))
        return try TaskDTO(task)
    }
}
