import Fluent
import LianxinCore
import Vapor

/// The writes of 每月一题: a topic taken up by a leader or a supervisor (a category in a division, for a month, maybe
/// from a hotspot), its tasks for units with deadlines, a task done by its unit, and the topic closed with a summary
/// once every task is done. Every object named is checked against the caller's scope (404 outside it); every write is
/// one transaction with its audit entry.
struct TopicService {
    let req: Request
    let principal: Principal

    struct TopicInput: Content {
        var title: String?
        var month: String?
        var categoryCode: String?
        var divisionCode: String?
        var description: String?
        var hotspotId: String?
    }

    struct TaskInput: Content {
        var description: String?
        var ownerUnitId: String?
        var deadline: String?
    }

    struct DoneInput: Content {
        var note: String?
    }

    struct CloseInput: Content {
        var summary: String?
    }

    var today: LocalDate { LocalDate(req.lianxin.now(), in: WorkCalendar.shanghai) }

    func create(_ input: TopicInput) async throws -> MonthlyTopicRecord {
        var checks = InputValidator(req)
        let title = checks.text(input.title, "/title", 4...60)
        let description = checks.text(input.description, "/description", 10...1000)
        let month = Period(input.month ?? "")
        if month?.kind != .month || month.map({ $0.first > today.adding(days: 62) || $0.last < today.adding(days: -400) }) == true {
            checks.fail("/month", key: "topic_err_month")
        }
        var hotspot: HotspotRecord?
        if let raw = input.hotspotId, !raw.isEmpty {
            guard let id = UUID(uuidString: raw), let found = try await HotspotRecord.find(id, on: req.db),
                let code = DivisionCode(found.divisionCode), principal.canSee(code)
            else { throw Problem.notFound("hotspot") }
            hotspot = found
        }
        var division: DivisionCode?
        if let raw = input.divisionCode, !raw.isEmpty { division = try await LeaderDutyLookup.division(raw, principal, req) }
        if division == nil { checks.fail("/divisionCode", key: "topic_err_division") }
        let code = input.categoryCode ?? ""
        let category = code.isEmpty ? nil : try await Category.find(code, on: req.db)
        if category == nil { checks.fail("/categoryCode", key: "topic_err_category") }
        try checks.finish()
        let row = MonthlyTopicRecord()
        row.id = UUID()
        row.title = title
        row.month = month!.description
        row.categoryCode = code
        row.divisionCode = division!.value
        row.source = (hotspot == nil ? MonthlyTopic.Source.leader : .hotspot).rawValue
        row.hotspotID = hotspot?.id
        row.description = description
        row.status = MonthlyTopic.Status.open.rawValue
        row.createdBy = principal.displayName
        row.createdAt = req.lianxin.now()
        try await write(.topicChanged, target: row, detail: "create \(row.month) \(row.categoryCode)") { try await row.create(on: $0) }
        return row
    }

    func addTask(_ topic: MonthlyTopicRecord, _ input: TaskInput) async throws -> TopicTask {
        guard topic.status == MonthlyTopic.Status.open.rawValue else {
            throw Problem.conflict(InputValidator(req).message("topic_err_closed"), field: "/action")
        }
        let (description, unit, deadline) = try await LeaderDutyLookup.task(
            description: input.description, maxLength: 200, unit: input.ownerUnitId, deadline: input.deadline,
            division: topic.divisionCode, today: today, principal, req)
        let task = TopicTask()
        task.topicID = try topic.requireID()
        task.description = description
        task.ownerUnitID = try unit.requireID()
        task.deadline = deadline.description
        task.status = MonthlyTopic.TaskStatus.open.rawValue
        task.createdAt = req.lianxin.now()
        try await write(.topicChanged, target: topic, detail: "task \(unit.name) \(task.deadline)") { try await task.create(on: $0) }
        return task
    }

    /// A task done: by a member of its unit, or by whoever manages topics.
    func finish(_ topic: MonthlyTopicRecord, _ task: TopicTask, _ input: DoneInput) async throws {
        let ownUnit = principal.departmentID == task.ownerUnitID
        guard ownUnit || principal.role.can(.manageTopics) else { throw Problem.forbidden }
        var checks = InputValidator(req)
        guard task.status == MonthlyTopic.TaskStatus.open.rawValue, topic.status == MonthlyTopic.Status.open.rawValue else {
            throw Problem.conflict(checks.message("topic_err_done"), field: "/action")
        }
        let note = checks.text(input.note, "/note", 4...500)
        try checks.finish()
        task.status = MonthlyTopic.TaskStatus.done.rawValue
        task.doneNote = note
        task.doneOn = today.description
        try await write(.topicChanged, target: topic, detail: "task done \(task.id?.uuidString ?? "")") { try await task.update(on: $0) }
    }

    func close(_ topic: MonthlyTopicRecord, _ input: CloseInput) async throws {
        var checks = InputValidator(req)
        let tasks = try await TopicTask.query(on: req.db).filter(\.$topicID == topic.requireID()).all()
        guard topic.status == MonthlyTopic.Status.open.rawValue,
            MonthlyTopic.closable(tasks: tasks.map { MonthlyTopic.TaskStatus(rawValue: $0.status) ?? .open })
        else { throw Problem.conflict(checks.message("topic_err_not_closable"), field: "/summary") }
        let summary = checks.text(input.summary, "/summary", 10...1000)
        try checks.finish()
        topic.status = MonthlyTopic.Status.closed.rawValue
        topic.summary = summary
        topic.closedAt = req.lianxin.now()
        try await write(.topicChanged, target: topic, detail: "close") { try await topic.update(on: $0) }
    }

    /// A topic in the caller's division, or 404.
    static func topic(_ raw: String?, _ principal: Principal, _ req: Request) async throws -> MonthlyTopicRecord {
        guard let id = raw.flatMap(UUID.init(uuidString:)),
            let row = try await MonthlyTopicRecord.query(on: req.db).filter(\.$id == id).inScope(\.$divisionCode, principal).first()
        else { throw Problem.notFound("topic") }
        return row
    }

    /// A task of `topic`, or 404.
    static func task(_ raw: String?, of topic: MonthlyTopicRecord, _ req: Request) async throws -> TopicTask {
        guard let id = raw.flatMap(UUID.init(uuidString:)),
            let row = try await TopicTask.query(on: req.db).filter(\.$id == id).filter(\.$topicID == topic.requireID()).first()
        else { throw Problem.notFound("task") }
        return row
    }

    private func write(
        _ action: AuditAction, target topic: MonthlyTopicRecord, detail: String, _ body: @escaping @Sendable (any Database) async throws -> Void
    ) async throws {
        let (actor, ip, requestID, now) = (req.auditActor, req.clientIP, req.id, req.lianxin.now())
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await body(db)
                try await AuditLog.record(
                    action, result: .success, actor: actor, target: "topic:\(topic.id?.uuidString ?? "")", recordDivision: topic.divisionCode,
                    ip: ip, requestID: requestID, detail: detail, at: now, on: db)
            }
        }
    }
}
