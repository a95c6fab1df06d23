import Vapor
import Fluent
import SQLKit
import LianxinCore

/// Demo history for the dashboards: about 900 orders over the last fourteen months in 信州区 (so every period has a
/// previous one and one a year back), each run through the real state machine at past times — most handled and
/// closed, some late, extended, reopened, merged, cancelled or still open — then the rollups rebuilt from the events.
/// Runs once: skipped when any order is older than today. Demo only.
enum DashboardDemo {
    static let orderCount = 900

    static func seed(_ app: Application) async throws -> [String] {
        let db = app.db
        let now = app.lianxin.now()
        let today = WorkCalendar.china.instant(on: LocalDate(now, in: WorkCalendar.shanghai), minute: 0)
        if try await WorkOrder.query(on: db).filter(\.$createdAt < today).first() != nil { return ["dashboard demo history: already present"] }
        let catalog = try await ReferenceData.catalog(app.lianxin.referenceCache, on: db)
        let calendar = try await ReferenceData.calendar(app.lianxin.referenceCache, on: db)
        let categories = catalog.categories.values.filter { $0.active && ($0.id?.count ?? 0) == 4 }.sorted { ($0.id ?? "") < ($1.id ?? "") }
        let departments = try await Department.query(on: db).filter(\.$code, .custom("LIKE"), "XZ-%").all().compactMap(\.id)
        let grids = try await Grid.query(on: db).filter(\.$validTo == nil).within(\.$communityCode, DivisionCode("361102")!).all()
        guard !categories.isEmpty, !departments.isEmpty, !grids.isEmpty else { return ["dashboard demo history: no categories, units or grids"] }
        var random = SystemRandomNumberGenerator()
        var policies: [String: SLAPolicy] = [:]
        let operatorStaff = WorkOrderActor.staff(.operator, id: UUID())
        let dispatcher = WorkOrderActor.staff(.dispatcher, id: UUID())
        let supervisor = WorkOrderActor.staff(.supervisor, id: UUID())
        let start = now.addingTimeInterval(-430 * 86_400)
        var rows: [WorkOrder] = []
        var records: [WorkOrderEventRecord] = []
        var parents: [(id: UUID, state: WorkOrderState, at: Date)] = []
        for index in 0..<orderCount {
            // Later months carry more orders, so the trend rises as intake grows.
            let share = (Double(index) + Double.random(in: 0..<1, using: &random)) / Double(orderCount)
            var time = start.addingTimeInterval(sqrt(share) * now.timeIntervalSince(start) - 86_400)
            let category = categories.randomElement(using: &random)!
            if policies[category.slaPolicyCode] == nil {
                policies[category.slaPolicyCode] = try await ReferenceData.policy(category.slaPolicyCode, app.lianxin.referenceCache, on: db)
            }
            let policy = policies[category.slaPolicyCode]!
            let grid = grids.randomElement(using: &random)!
            let id = UUID()
            var events: [WorkOrderEvent] = []
            var clocks = WorkOrderClocks()
            func step(_ transition: Transition) {
                events.append(transition.event)
                clocks.apply(transition.event, policy: policy)
            }
            var state: WorkOrderState
            do {
                let created = try WorkOrderMachine.create(WorkOrderIntake(orderID: id, tier: .simple), by: operatorStaff, at: time)
                step(created)
                state = created.state
                func act(_ action: WorkOrderAction, _ actor: WorkOrderActor, after minutes: ClosedRange<Int>) throws {
                    time = min(now.addingTimeInterval(-60), time.addingTimeInterval(Double(Int.random(in: minutes, using: &random)) * 60))
                    let transition = try WorkOrderMachine.apply(action, to: state, by: actor, at: time)
                    step(transition)
                    state = transition.state
                }
                try act(.accept(note: nil), operatorStaff, after: 1...3)
                let roll = Int.random(in: 0..<100, using: &random)
                if roll < 3 {
                    try act(.cancel(reason: "重复来电"), operatorStaff, after: 2...30)
                } else if roll < 7, let parent = parents.last(where: { $0.at <= time }) {
                    try act(.merge(parentID: parent.id), operatorStaff, after: 2...30)
                } else {
                    let unit = departments.randomElement(using: &random)!
                    let handler = WorkOrderActor.staff(.departmentHandler, id: UUID(), departmentID: unit)
                    try act(.dispatch(departmentID: unit, note: nil), dispatcher, after: 3...90)
                    if now.timeIntervalSince(time) > 3 * 86_400 || roll % 3 == 0 {
                        try act(.sign, handler, after: roll % 10 == 0 ? 20...240 : 1...15)
                        try act(.startProgress, handler, after: 5...120)
                        if roll % 11 == 0 {
                            try act(.requestExtension(extra: .workingDays(3), reason: "需多部门协调"), handler, after: 60...600)
                            try act(.approveExtension(note: nil), supervisor, after: 10...240)
                        }
                        if now.timeIntervalSince(time) > 10 * 86_400 || roll % 2 == 0 {
                            try act(.complete(note: "已办结", photoIDs: []), handler, after: roll % 9 == 0 ? 5_000...14_000 : 60...3_000)
                            let satisfaction: Satisfaction = roll % 13 == 0 ? .dissatisfied : roll % 4 == 0 ? .basicallySatisfied : .satisfied
                            try act(
                                .revisit(Evaluation(satisfaction: satisfaction, solved: satisfaction != .dissatisfied)), operatorStaff,
                                after: 30...1_000)
                            if state.status == .reopened {
                                try act(.sign, handler, after: 5...60)
                                try act(.startProgress, handler, after: 5...60)
                                try act(.complete(note: "重办完成", photoIDs: []), handler, after: 120...2_000)
                                try act(.revisit(Evaluation(satisfaction: .basicallySatisfied, solved: true)), operatorStaff, after: 30...600)
                            }
                            try act(.close(note: nil), operatorStaff, after: 5...120)
                        }
                    }
                    if state.acceptsMergedChildren { parents.append((id, state, time)) }
                }
            } catch {
                continue
            }
            let row = WorkOrder()
            row.id = id
            // Sequences from 900001 keep clear of the day's real intake counter.
            row.number = LocalDate(events[0].at, in: WorkCalendar.shanghai).compactDescription + String(format: "%06d", 900_001 + index)
            row.trackingCode = WorkOrderService.newTrackingCode()
            row.channel = ["hotline", "hotline", "hotline", "miniProgram", "web", "gridPatrol", "proactive"].randomElement(using: &random)!
            row.requestKind = ["assistance", "complaint", "complaint", "inquiry", "report", "suggestion"].randomElement(using: &random)!
            row.categoryCode = category.id ?? ""
            row.title = "\(category.name)（演示）"
            row.description = "演示数据：\(grid.name) 的\(category.name)诉求。"
            row.divisionCode = grid.communityCode
            row.gridCode = grid.code
            row.gridVersion = grid.version
            row.anonymous = true
            row.slaPolicyCode = policy.code
            row.createdAt = events[0].at
            try row.project(state, clocks: clocks, calendar: calendar, now: time)
            rows.append(row)
            records += try events.map(WorkOrderService.record(of:))
        }
        let orders = rows, history = records
        try await app.lianxin.writes.run {
            try await db.transaction { db in
                let sql = db.sql
                for chunk in orders.chunked(100) {
                    try await sql.insertRows(into: WorkOrder.schema, columns: WorkOrder.insertColumns, chunk.map(\.insertValues))
                }
                for chunk in history.chunked(500) {
                    try await sql.insertRows(
                        into: WorkOrderEventRecord.schema, columns: WorkOrderEventRecord.insertColumns, chunk.map(\.insertValues))
                }
            }
        }
        let report = try await RollupRebuild.run(app: app)
        return ["dashboard demo history: \(rows.count) orders, \(records.count) events over 14 months; rollups rebuilt (\(report.rows) rows)"]
    }
}
