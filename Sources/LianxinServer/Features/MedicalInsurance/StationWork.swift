import Vapor
import Fluent
import LianxinCore

/// 前沿哨兵: the supervisor gives a station worker a patrol, focused check or discharge review of an institution in
/// scope; the worker answers the checklist (`StationTask` in LianxinCore) and writes what was found, which may
/// become a lead in the review queue. Each step is one transaction with its audit entry; a task outside the caller's
/// division, or another worker's task, is 404.
struct StationWork {
    let request: Request
    let principal: Principal

    struct AssignInput: Content {
        var kind: String?
        var institutionCode: String?
        var assignee: String?
        var dueOn: String?
        var subject: String?
        var settlementId: String?
    }

    struct CompleteInput: Content {
        struct Item: Content {
            var item: String
            var outcome: String?
            var note: String?
        }

        var answers: [Item]?
        var finding: String?
        var raiseLead: Bool?
        var rule: String?
        var amount: String?
    }

    /// A task in the caller's scope (a station worker: only their own), or 404.
    static func find(_ raw: String?, for principal: Principal, on db: any Database) async throws -> InsuranceStationTask {
        guard let raw, let id = UUID(uuidString: raw) else { throw Problem.notFound("task") }
        let query = InsuranceStationTask.query(on: db).filter(\.$id == id).inScope(\.$divisionCode, principal)
        if !principal.role.can(.superviseMedicalInsurance) { query.filter(\.$assignee == principal.username) }
        guard let task = try await query.first() else { throw Problem.notFound("task") }
        return task
    }

    /// The tasks the caller sees: a supervisor every task of the division, a worker their own; open ones first.
    static func list(for principal: Principal, status: String?, on db: any Database) async throws -> [InsuranceStationTask] {
        let query = InsuranceStationTask.query(on: db).inScope(\.$divisionCode, principal)
        if !principal.role.can(.superviseMedicalInsurance) { query.filter(\.$assignee == principal.username) }
        if let status, StationTask.Status(rawValue: status) != nil { query.filter(\.$status == status) }
        return try await query.sort(\.$dueOn).sort(\.$createdAt, .descending).limit(300).all()
    }

    /// The station workers who may be given tasks at `institution`: active, in the caller's division, covering it.
    static func workers(for principal: Principal, on db: any Database) async throws -> [User] {
        try await User.query(on: db).filter(\.$role == .stationWorker).filter(\.$active == true).within(\.$divisionCode, principal.division)
            .sort(\.$displayName).all()
    }

    func assign(_ input: AssignInput) async throws -> InsuranceStationTask {
        var validator = InputValidator(request)
        let kind = input.kind.flatMap(StationTask.Kind.init(rawValue:))
        if kind == nil { validator.fail("/kind", key: "mi_task_kind_missing") }
        let db = request.db
        let institution = try await InsuranceInstitution.query(on: db).filter(\.$code == (input.institutionCode ?? ""))
            .inScope(\.$divisionCode, principal).first()
        if institution == nil { validator.fail("/institutionCode", key: "mi_task_institution_missing") }
        let workers = try await Self.workers(for: principal, on: db)
        let worker = workers.first { $0.username == input.assignee }
        if worker == nil {
            validator.fail("/assignee", key: "mi_task_assignee_missing")
        } else if let worker, let institution, !institution.divisionCode.hasPrefix(worker.divisionCode) {
            validator.fail("/assignee", key: "mi_task_assignee_elsewhere")
        }
        let today = LocalDate(request.lianxin.now(), in: ResidentIDNumber.chinaTimeZone)
        let due = LocalDate(iso: (input.dueOn ?? "").trimmingCharacters(in: .whitespaces))
        if due == nil {
            validator.fail("/dueOn", key: "mi_task_due_missing")
        } else if let due, due < today {
            validator.fail("/dueOn", key: "mi_task_due_past")
        }
        let subject = (input.subject ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if subject.count < 2 || subject.count > 200 { validator.fail("/subject", key: "mi_task_subject_error") }
        let settlementID = (input.settlementId ?? "").trimmingCharacters(in: .whitespaces)
        if !settlementID.isEmpty, let institution,
            try await InsuranceSettlement.query(on: db).filter(\.$settlementID == settlementID)
                .filter(\.$institutionCode == institution.code).first() == nil
        {
            validator.fail("/settlementId", key: "mi_task_settlement_unknown")
        }
        try validator.finish()
        guard let kind, let institution, let worker, let due else { throw Problem.notFound() }
        let row = InsuranceStationTask()
        row.id = UUID()
        row.kind = kind.rawValue
        row.institutionCode = institution.code
        row.divisionCode = institution.divisionCode
        row.assignee = worker.username
        row.subject = subject
        row.settlementID = settlementID.isEmpty ? nil : settlementID
        row.dueOn = due.description
        row.status = StationTask.Status.assigned.rawValue
        row.answers = "[]"
        row.finding = ""
        row.assignedBy = principal.username
        row.createdAt = request.lianxin.now()
        let actor = request.auditActor
        try await request.lianxin.writes.run {
            try await db.transaction { db in
                try await row.create(on: db)
                try await AuditLog.record(
                    .insuranceStationTaskAssigned, result: .success, actor: actor, target: "mi-station-task:\(try row.requireID())",
                    recordDivision: row.divisionCode, detail: "\(kind.rawValue) \(institution.code) → \(worker.username)", at: row.createdAt,
                    on: db)
            }
        }
        return row
    }

    /// Completes `task` (the assignee, or a supervisor): every item answered, failures explained, the finding
    /// written; a finding marked for review becomes a lead in the same transaction.
    func complete(_ task: InsuranceStationTask, _ input: CompleteInput) async throws {
        var validator = InputValidator(request)
        let kind = StationTask.Kind(rawValue: task.kind) ?? .dailyPatrol
        let status = StationTask.Status(rawValue: task.status) ?? .assigned
        if StationTask.apply(.complete, to: status) == nil { validator.fail("/status", key: "mi_task_not_open") }
        let answers = (input.answers ?? []).map { item in
            StationTask.Answer(item: item.item, outcome: item.outcome.flatMap(StationTask.Outcome.init(rawValue:)), note: item.note ?? "")
        }
        let amountText = (input.amount ?? "").trimmingCharacters(in: .whitespaces)
        let amount = amountText.isEmpty ? nil : ClaimMoney.fen(amountText)
        let finding = StationTask.Finding(
            text: input.finding ?? "", rule: input.rule.flatMap(ScreeningRuleKind.init(rawValue:)), raiseLead: input.raiseLead ?? false,
            amountFen: amount)
        for problem in StationTask.problems(kind: kind, answers: answers, finding: finding) {
            validator.fail("/\(problem.field)", key: Self.messageKey(problem))
        }
        try validator.finish()
        let now = request.lianxin.now()
        let actor = request.auditActor
        let taskID = try task.requireID()
        let lead = StationTask.lead(
            taskID: taskID.uuidString, kind: kind, institutionCode: task.institutionCode, settlementID: task.settlementID,
            answers: answers, finding: finding)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let answersJSON = String(decoding: try encoder.encode(answers.map { Self.trimmed($0) }), as: UTF8.self)
        try await request.lianxin.writes.run {
            try await request.db.transaction { db in
                if let lead {
                    let row = InsuranceLead()
                    row.id = UUID()
                    row.leadKey = StationTask.leadKey(rule: lead.rule, taskID: taskID.uuidString)
                    row.rule = lead.rule.rawValue
                    row.settlementID = lead.settlementID
                    row.institutionCode = lead.institutionCode
                    row.divisionCode = task.divisionCode
                    row.amountFen = Int64(lead.amountFen)
                    row.evidence = String(decoding: try encoder.encode(lead.evidence), as: UTF8.self)
                    row.status = "open"
                    row.createdAt = now
                    try await row.create(on: db)
                    task.leadID = row.id
                }
                task.status = StationTask.Status.done.rawValue
                task.answers = answersJSON
                task.finding = finding.text.trimmingCharacters(in: .whitespacesAndNewlines)
                task.doneAt = now
                try await task.update(on: db)
                let failed = StationTask.failedItems(kind: kind, answers: answers)
                try await AuditLog.record(
                    .insuranceStationTaskDone, result: .success, actor: actor, target: "mi-station-task:\(taskID)",
                    recordDivision: task.divisionCode,
                    detail: "failed: \(failed.joined(separator: ",")); lead: \(task.leadID?.uuidString ?? "none")", at: now, on: db)
            }
        }
    }

    private static func trimmed(_ answer: StationTask.Answer) -> StationTask.Answer {
        var copy = answer
        copy.note = answer.note.trimmingCharacters(in: .whitespacesAndNewlines)
        return copy
    }

    /// The locale key of a completion problem, in a person's words.
    static func messageKey(_ problem: StationTask.Problem) -> String {
        switch problem {
        case .unanswered: "mi_task_unanswered"
        case .failedWithoutNote: "mi_task_failed_note"
        case .noteTooLong: "mi_task_note_long"
        case .unknownItem: "mi_task_unknown_item"
        case .findingMissing: "mi_task_finding_missing"
        case .findingTooLong: "mi_task_finding_long"
        case .leadRuleMissing: "mi_task_rule_missing"
        case .leadAmountMissing: "mi_task_amount_missing"
        }
    }
}
