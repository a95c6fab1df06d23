import Vapor
import Fluent
import LianxinCore

/// Registering workers, moving them along the growth path and running the tuition subsidy with its checks and
/// public notice. Every object named is in the caller's scope; every problem names its field.
struct NewEmploymentService {
    let req: Request
    let principal: Principal

    static let platforms = ["meituan", "eleme", "sf", "jd", "zto", "yto", "yunda", "other"]

    struct WorkerInput: Content {
        var name: String?
        var phone: String?
        var platform: String?
        var station: String?
        var team: String?
        var tradeSince: String?
        var divisionCode: String?
    }

    struct StageInput: Content {
        var stage: String?
    }

    struct SubsidyInput: Content {
        var workerId: String?
        var college: String?
        var programme: String?
        /// Yuan.
        var fees: Int?
        var diplomaOn: String?
    }

    struct ActionInput: Content {
        var action: String?
        var note: String?
    }

    var today: LocalDate { LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone) }

    static func worker(_ id: String?, _ principal: Principal, _ req: Request) async throws -> NewEmploymentWorker {
        guard let id = id.flatMap(UUID.init(uuidString:)), let row = try await NewEmploymentWorker.find(id, on: req.db) else {
            throw Problem.notFound("worker")
        }
        guard principal.canSee(divisionCode: row.divisionCode) else { throw await req.outOfScope("worker", target: id.uuidString) }
        return row
    }

    static func application(_ id: String?, _ principal: Principal, _ req: Request) async throws -> TuitionApplication {
        guard let id = id.flatMap(UUID.init(uuidString:)), let row = try await TuitionApplication.find(id, on: req.db) else {
            throw Problem.notFound("application")
        }
        guard principal.canSee(divisionCode: row.divisionCode) else { throw await req.outOfScope("application", target: id.uuidString) }
        return row
    }

    /// Months in the trade from `tradeSince` to `day`.
    static func months(since tradeSince: String, to day: LocalDate) -> Int {
        guard let start = LocalDate(iso: tradeSince) else { return 0 }
        return GrowthPath.months(from: start.components, to: day.components)
    }

    /// The 随手拍 reports each worker filed with their phone (orders of the mini-program channel), by worker id.
    static func reports(of workers: [NewEmploymentWorker], on db: any Database) async throws -> [UUID: [Date]] {
        let byIndex = Dictionary(workers.compactMap { w in w.id.map { (w.phoneIndex, $0) } }, uniquingKeysWith: { first, _ in first })
        guard !byIndex.isEmpty else { return [:] }
        let orders = try await WorkOrder.query(on: db).filter(\.$requesterPhoneIndex ~~ Array(byIndex.keys))
            .filter(\.$channel == LianxinCore.Channel.miniProgram.rawValue).all()
        var result: [UUID: [Date]] = [:]
        for order in orders { if let index = order.requesterPhoneIndex, let id = byIndex[index] { result[id, default: []].append(order.createdAt) } }
        return result
    }

    func register(_ input: WorkerInput) async throws -> NewEmploymentWorker {
        var checks = InputValidator(req)
        let name = checks.text(input.name, "/name", 2...30)
        let phone = checks.phone(input.phone, "/phone")
        if !Self.platforms.contains(input.platform ?? "") { checks.fail("/platform", key: "validation_choice") }
        let station = checks.text(input.station, "/station", 2...60)
        let team = checks.text(input.team, "/team", 0...30)
        let since = checks.day(input.tradeSince, "/tradeSince", default: today)
        if since > today { checks.fail("/tradeSince", key: "ne_err_future") }
        let division = try await checks.division(input.divisionCode, principal, on: req.db)
        try checks.finish()
        let cipher = req.lianxin.cipher
        if try await NewEmploymentWorker.query(on: req.db).filter(\.$phoneIndex == cipher.blindIndex(phone)).count() > 0 {
            throw Problem.conflict(checks.message("ne_err_registered"), field: "/phone")
        }
        let row = NewEmploymentWorker()
        row.id = UUID()
        row.name = name
        row.phoneCipher = try cipher.seal(phone, for: .newEmploymentPhone, row: row.id!)
        row.phoneIndex = cipher.blindIndex(phone)
        row.platform = input.platform ?? "other"
        row.station = station
        row.team = team
        row.divisionCode = division.value
        row.stage = GrowthStage.mostBeautiful.rawValue
        row.tradeSince = since.description
        row.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return row
    }

    /// Moves a worker to the next stage when the criteria hold; the change is recorded with its figures.
    func promote(_ worker: NewEmploymentWorker, _ input: StageInput) async throws {
        var checks = InputValidator(req)
        let target: GrowthStage? = checks.choice(input.stage, "/stage")
        try checks.finish()
        guard let target, let current = GrowthStage(rawValue: worker.stage) else { throw Problem.notFound("worker") }
        let reports = try await Self.reports(of: [worker], on: req.db)[try worker.requireID()]?.count ?? 0
        let months = Self.months(since: worker.tradeSince, to: today)
        do {
            try GrowthPath.check(from: current, to: target, reports: reports, months: months)
        } catch {
            throw Problem.invalid(field: "/stage", error.description)
        }
        let change = GrowthStageChange()
        change.workerID = try worker.requireID()
        change.divisionCode = worker.divisionCode
        change.fromStage = current.rawValue
        change.toStage = target.rawValue
        change.reports = reports
        change.months = months
        change.decidedBy = principal.username
        change.at = req.lianxin.now()
        worker.stage = target.rawValue
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await worker.update(on: db)
                try await change.create(on: db)
            }
        }
    }

    func apply(_ input: SubsidyInput) async throws -> TuitionApplication {
        var checks = InputValidator(req)
        let worker = try await input.workerId.asyncMap { try? await Self.worker($0, principal, req) } ?? nil
        if worker == nil { checks.fail("/workerId", key: "ne_err_worker") }
        let college = checks.text(input.college, "/college", 2...60)
        let programme = checks.text(input.programme, "/programme", 2...60)
        let diploma = input.diplomaOn.flatMap { LocalDate(iso: $0) }
        let months = worker.map { Self.months(since: $0.tradeSince, to: today) } ?? 0
        let feesFen = (input.fees ?? 0) * 100
        for problem in TuitionSubsidy.problems(
            feesFen: feesFen, diplomaDay: diploma?.daysSinceEpoch, today: today.daysSinceEpoch, monthsWorked: worker == nil ? 12 : months)
        {
            if case .notAYearInTrade = problem {
                checks.fail("/workerId", problem.description)
            } else {
                checks.fail(problem.field, problem.description)
            }
        }
        try checks.finish()
        guard let worker, let diploma else { throw Problem.notFound("worker") }
        let row = TuitionApplication()
        row.workerID = try worker.requireID()
        row.divisionCode = worker.divisionCode
        row.college = college
        row.programme = programme
        row.feesFen = feesFen
        row.amountFen = TuitionSubsidy.amount(feesFen: feesFen)
        row.diplomaOn = diploma.description
        row.appliedOn = today.description
        row.monthsWorked = months
        row.status = TuitionSubsidy.Status.applied.rawValue
        row.updatedBy = principal.username
        row.updatedAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return row
    }

    /// Publishes the notice (five days from today), records an objection, approves after the notice, or refuses.
    func act(_ row: TuitionApplication, _ input: ActionInput) async throws {
        var checks = InputValidator(req)
        let action: TuitionSubsidy.Action? = checks.choice(input.action, "/action")
        let note = checks.text(input.note, "/note", 0...200)
        try checks.finish()
        guard let action, let status = TuitionSubsidy.Status(rawValue: row.status) else { throw Problem.notFound("application") }
        let noticeEnds = row.noticeEnds.flatMap { LocalDate(iso: $0) }?.daysSinceEpoch
        let next: TuitionSubsidy.Status
        do {
            next = try TuitionSubsidy.apply(action, to: status, today: today.daysSinceEpoch, noticeEnds: noticeEnds, note: note)
        } catch {
            if case .reasonRequired = error { throw Problem.invalid(field: error.field, error.description) }
            throw Problem.conflict(error.description, field: error.field)
        }
        row.status = next.rawValue
        if action == .publish { row.noticeEnds = today.adding(days: TuitionSubsidy.noticeDays - 1).description }
        if !note.isEmpty { row.note = note }
        row.updatedBy = principal.username
        row.updatedAt = req.lianxin.now()
        let actor = req.auditActor, ip = req.clientIP, requestID = req.id, now = req.lianxin.now()
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await row.update(on: db)
                try await AuditLog.record(
                    .subsidyDecided, result: .success, actor: actor, target: row.id?.uuidString, recordDivision: row.divisionCode, ip: ip,
                    requestID: requestID, detail: "\(action.rawValue) → \(next.rawValue) \(row.amountFen)", at: now, on: db)
            }
        }
    }
}
