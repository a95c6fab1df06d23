import Vapor
import Fluent
import SQLKit
import LianxinCore

/// `lianxin import orders`: loads another system's order history, the whole file or nothing. A first pass reads
/// and checks every row (and every number against the orders already stored) and lists all problems; a second
/// pass replays each order's steps through `WorkOrderMachine` and writes the orders, their events, clocks, alerts
/// and rollup facts in one transaction, in batches, adding the counters to the dashboard rollups as it goes.
struct HistoryImporter {
    let app: Application
    let scope: DivisionCode?
    let language: Localizer.Language

    /// How the import went.
    struct Report: Sendable {
        var importID: UUID?
        var orders = 0
        var events = 0
        var rollupKeys = 0
    }

    /// Why nothing was written: every problem found (the first `shown` kept), with the count.
    struct Refused: Error, Sendable {
        let problems: [HistoryProblem]
        let total: Int
    }

    static let shown = 1_000
    static let batchSize = 500

    enum Phase: String, Sendable { case checking, writing }

    /// Checks, then writes, the file at `path`; `progress` is told the rows done after each batch.
    func run(path: String, progress: @escaping @Sendable (Phase, Int) -> Void) async throws -> Report {
        let started = app.lianxin.now()
        let references = try await HistoryReferences.load(app: app, scope: scope)
        let file = HistoryFile(path: path)
        try await check(file, references: references, now: started, progress: progress)
        return try await write(file, references: references, started: started, fileName: (path as NSString).lastPathComponent, progress: progress)
    }

    // MARK: The first pass

    private func check(_ file: HistoryFile, references: HistoryReferences, now: Date, progress: @Sendable (Phase, Int) -> Void) async throws {
        var problems: [HistoryProblem] = []
        var total = 0
        func add(_ found: [HistoryProblem]) {
            total += found.count
            problems += found.prefix(max(0, Self.shown - problems.count))
        }
        var header: HistoryHeader?
        var numbers: [String: Int] = [:]
        var pending: [(number: String, line: Int)] = []
        var rows = 0
        func checkStored() async throws {
            guard !pending.isEmpty else { return }
            let stored = try await app.db.sql.select().column("number").from(WorkOrder.schema)
                .where("number", .in, SQLBind.group(pending.map(\.number))).all()
                .map { try $0.decode(column: "number", as: String.self) }
            let taken = Set(stored)
            for (number, line) in pending where taken.contains(number) {
                add([
                    HistoryProblem(
                        line: line, column: header?.number(of: .number), field: HistoryColumn.number.rawValue, key: "history_number_taken",
                        values: ["value": number])
                ])
            }
            pending = []
        }
        do {
            try await file.forEachRecord { line, fields in
                guard let known = header else {
                    let (read, found) = HistoryHeader.read(fields)
                    header = read
                    add(found)
                    if !found.isEmpty { throw Refused(problems: problems, total: total) }
                    return
                }
                rows += 1
                let (row, found) = HistoryRow.read(fields, line: line, header: known, references: references, now: now)
                add(found)
                let number = row?.number ?? known.value(.number, in: fields)
                if !number.isEmpty {
                    if let first = numbers[number] {
                        add([
                            HistoryProblem(
                                line: line, column: known.number(of: .number), field: HistoryColumn.number.rawValue, key: "history_number_twice",
                                values: ["value": number, "first": String(first)])
                        ])
                    } else {
                        numbers[number] = line
                        pending.append((number, line))
                    }
                }
                if pending.count >= Self.batchSize { try await checkStored() }
                if rows % 10_000 == 0 { progress(.checking, rows) }
            }
            try await checkStored()
        } catch let unreadable as HistoryFile.Unreadable {
            add([HistoryProblem(line: unreadable.line, column: nil, field: "", key: unreadable.key)])
        }
        if header == nil { add([HistoryProblem(line: 1, column: nil, field: "", key: "history_file_empty")]) }
        if rows == 0 && total == 0 { add([HistoryProblem(line: 2, column: nil, field: "", key: "history_file_no_rows")]) }
        progress(.checking, rows)
        if total > 0 { throw Refused(problems: problems, total: total) }
    }

    // MARK: The second pass

    private func write(
        _ file: HistoryFile, references: HistoryReferences, started: Date, fileName: String, progress: @escaping @Sendable (Phase, Int) -> Void
    ) async throws -> Report {
        let context = app.lianxin
        let importID = UUID()
        let notes = HistorySteps.Notes(
            accepted: context.localizer.text("history_note_accepted", language),
            completed: context.localizer.text("history_note_completed", language),
            closed: context.localizer.text("history_note_closed", language))
        let desk = WorkOrderActor.staff(.operator, id: UUID())
        let dispatcher = WorkOrderActor.staff(.dispatcher, id: UUID())
        let handlerID = UUID()
        return try await context.writes.run {
            try await app.db.transaction { db in
                let sql = db.sql
                var report = Report(importID: importID)
                var batch = Batch()
                var rollups = RollupTable()
                var header: HistoryHeader?
                func flush() async throws {
                    try await batch.insert(on: sql)
                    report.orders += batch.orders.count
                    report.events += batch.events.count
                    batch = Batch()
                    progress(.writing, report.orders)
                }
                func flushRollups() async throws {
                    report.rollupKeys += rollups.rows.count
                    try await RollupStore.apply(rollups.rows, on: sql)
                    rollups = RollupTable()
                }
                let record = HistoryImport()
                record.id = importID
                record.fileName = String(fileName.prefix(200))
                record.divisionCode = scope?.value
                record.orders = 0
                record.actor = AuditActor.commandLine.name
                record.startedAt = started
                record.finishedAt = started
                try await record.create(on: db)
                try await file.forEachRecord { line, fields in
                    guard let known = header else {
                        header = HistoryHeader.read(fields).0
                        return
                    }
                    let (read, found) = HistoryRow.read(fields, line: line, header: known, references: references, now: started)
                    // The file changed since it was checked.
                    guard let row = read else { throw Refused(problems: found, total: found.count) }
                    let actors = HistorySteps.Actors(
                        desk: desk, dispatcher: dispatcher, handler: .staff(.departmentHandler, id: handlerID, departmentID: row.unitID))
                    let fact = try batch.add(
                        row, importID: importID, actors: actors, notes: notes, references: references, cipher: context.cipher, now: started)
                    rollups.apply(RollupCounters.delta(from: nil, to: fact))
                    if batch.orders.count >= Self.batchSize { try await flush() }
                    if rollups.rows.count >= 20_000 { try await flushRollups() }
                }
                try await flush()
                try await flushRollups()
                record.orders = report.orders
                record.finishedAt = context.now()
                try await record.update(on: db)
                try await AuditLog.record(
                    .ordersImported, result: .success, actor: .commandLine, target: "work-orders", recordDivision: scope?.value,
                    detail: "\(report.orders) orders from \(fileName) (import \(importID.uuidString))", at: context.now(), on: db)
                return report
            }
        }
    }

    /// The rows of up to `batchSize` orders, written with multi-row INSERTs.
    private struct Batch {
        var orders: [WorkOrder] = []
        var events: [WorkOrderEventRecord] = []
        var alerts: [SLAAlert] = []
        var facts: [OrderFact] = []
        var sources: [[any SQLExpression]] = []

        /// Replays one order's steps and keeps its rows; returns its rollup fact.
        mutating func add(
            _ row: HistoryRow, importID: UUID, actors: HistorySteps.Actors, notes: HistorySteps.Notes, references: HistoryReferences,
            cipher: FieldCipher, now: Date
        ) throws -> OrderFact {
            let id = UUID()
            guard let policy = references.policies[row.category.slaPolicyCode] else {
                throw Abort(.internalServerError, reason: "the SLA policy \(row.category.slaPolicyCode) was not loaded")
            }
            let transitions = try row.steps.replay(
                orderID: id, intake: WorkOrderIntake(orderID: id), departmentID: row.unitID, actors: actors, notes: notes)
            guard let last = transitions.last else { throw Abort(.internalServerError, reason: "an order without steps") }
            let history = transitions.map(\.event)
            var clocks = WorkOrderClocks()
            for event in history { clocks.apply(event, policy: policy) }
            let order = WorkOrder()
            order.id = id
            order.number = row.number
            order.trackingCode = WorkOrderService.newTrackingCode()
            order.channel = row.channel.rawValue
            order.requestKind = row.requestKind.rawValue
            order.categoryCode = row.category.id ?? ""
            order.title = row.title
            order.description = row.description
            order.latitude = row.location?.lat
            order.longitude = row.location?.lon
            order.address = row.address
            order.divisionCode = row.division.value
            order.gridCode = row.grid?.code
            order.gridVersion = row.grid?.version
            order.requesterName = row.requesterName
            if let phone = row.requesterPhone {
                order.requesterPhoneCipher = try cipher.seal(phone.value, for: .workOrderRequesterPhone, row: id)
                order.requesterPhoneIndex = cipher.blindIndex(phone.value)
            }
            order.anonymous = row.requesterName == nil && row.requesterPhone == nil
            order.slaPolicyCode = policy.code
            order.createdAt = history[0].at
            try order.project(last.state, clocks: clocks, calendar: references.calendar, now: now)
            order.updatedAt = last.event.at
            orders.append(order)
            events += try history.map(WorkOrderService.record(of:))
            // Only alerts still ahead: an order long overdue in the old system shows as overdue, without a burst of
            // breach notices the first time the server sweeps.
            alerts += WorkOrderService.alerts(orderID: id, clocks: clocks, calendar: references.calendar, now: now).filter { $0.dueAt > now }
            let fact = try OrderFact.from(
                events: history, dimensions: RollupStore.dimensions(of: order), policy: policy, in: references.calendar)
            facts.append(fact)
            sources.append([SQLBind(id), SQLBind(importID), SQLBind(row.line)])
            return fact
        }

        func insert(on sql: any SQLDatabase) async throws {
            for chunk in orders.chunked(100) {
                try await sql.insertRows(into: WorkOrder.schema, columns: WorkOrder.insertColumns, chunk.map(\.insertValues))
            }
            for chunk in events.chunked(500) {
                try await sql.insertRows(into: WorkOrderEventRecord.schema, columns: WorkOrderEventRecord.insertColumns, chunk.map(\.insertValues))
            }
            for chunk in alerts.chunked(500) {
                let rows = chunk.map { alert in
                    alert.id = alert.id ?? UUID()
                    return alert.insertValues
                }
                try await sql.insertRows(into: SLAAlert.schema, columns: SLAAlert.insertColumns, rows)
            }
            for chunk in sources.chunked(500) {
                try await sql.insertRows(into: HistoryImport.ordersTable, columns: HistoryImport.orderColumns, chunk)
            }
            try await RollupStore.save(facts, replacing: false, on: sql)
        }
    }
}
