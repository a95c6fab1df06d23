import Fluent
import LianxinCore
import Vapor

/// 每月一题 over the API: the topics in scope, one topic with its figures, and the same writes as the pages.
struct TopicsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "topics")
        api.get(use: list)
        api.post(use: create)
        api.get(":id", use: show)
        api.post(":id", "tasks", use: addTask)
        api.post(":id", "tasks", ":task", "done", use: finish)
        api.post(":id", "close", use: close)
    }

    struct TopicDTO: Content {
        var id: UUID?
        var title: String
        var month: String
        var categoryCode: String
        var divisionCode: String
        var source: String
        var hotspotId: UUID?
        var description: String
        var status: String
        var summary: String?
        var createdBy: String
    }

    struct DetailDTO: Content {
        var topic: TopicDTO
        var months: [MonthDTO]
        /// The change of the monthly average after the topic's month against the three months before, in percent.
        var change: String
        var tasks: [TaskDTO]
    }

    struct MonthDTO: Content {
        var month: String
        var count: Int
        var phase: String
    }

    struct TaskDTO: Content {
        var id: String
        var description: String
        var ownerUnitId: String
        var unit: String
        var deadline: String
        var open: Bool
        var overdue: Bool
        var doneNote: String
        var doneOn: String
    }

    static func dto(_ row: MonthlyTopicRecord) -> TopicDTO {
        TopicDTO(
            id: row.id, title: row.title, month: row.month, categoryCode: row.categoryCode, divisionCode: row.divisionCode, source: row.source,
            hotspotId: row.hotspotID, description: row.description, status: row.status, summary: row.summary, createdBy: row.createdBy)
    }

    func list(req: Request) async throws -> [TopicDTO] {
        let principal = try await req.require(.viewTopics)
        return try await MonthlyTopicRecord.query(on: req.db).inScope(\.$divisionCode, principal).sort(\.$month, .descending).limit(500).all()
            .map(Self.dto)
    }

    func show(req: Request) async throws -> DetailDTO {
        let principal = try await req.require(.viewTopics)
        let topic = try await TopicService.topic(req.parameters.get("id"), principal, req)
        let figures = try await TopicFigures.load(topic, req)
        return DetailDTO(
            topic: Self.dto(topic), months: figures.months.map { MonthDTO(month: $0.month, count: $0.count, phase: $0.phase) },
            change: figures.change,
            tasks: figures.tasks.map {
                TaskDTO(
                    id: $0.id, description: $0.description, ownerUnitId: $0.ownerUnitID, unit: $0.unit, deadline: $0.deadline, open: $0.open,
                    overdue: $0.overdue, doneNote: $0.doneNote, doneOn: $0.doneOn)
            })
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.manageTopics)
        let topic = try await TopicService(req: req, principal: principal).create(try req.content.decode(TopicService.TopicInput.self))
        return try await Self.dto(topic).encodeResponse(status: .created, for: req)
    }

    func addTask(req: Request) async throws -> Response {
        let principal = try await req.require(.manageTopics)
        let topic = try await TopicService.topic(req.parameters.get("id"), principal, req)
        let task = try await TopicService(req: req, principal: principal).addTask(topic, try req.content.decode(TopicService.TaskInput.self))
        return try await ["id": task.id?.uuidString ?? ""].encodeResponse(status: .created, for: req)
    }

    func finish(req: Request) async throws -> HTTPStatus {
        let principal = try await req.require(.viewTopics)
        let topic = try await TopicService.topic(req.parameters.get("id"), principal, req)
        let task = try await TopicService.task(req.parameters.get("task"), of: topic, req)
        try await TopicService(req: req, principal: principal).finish(topic, task, try req.content.decode(TopicService.DoneInput.self))
        return .noContent
    }

    func close(req: Request) async throws -> HTTPStatus {
        let principal = try await req.require(.manageTopics)
        let topic = try await TopicService.topic(req.parameters.get("id"), principal, req)
        try await TopicService(req: req, principal: principal).close(topic, try req.content.decode(TopicService.CloseInput.self))
        return .noContent
    }
}
