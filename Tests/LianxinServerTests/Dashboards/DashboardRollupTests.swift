import Foundation
import Testing
import Vapor
import Fluent
import SQLKit
@testable import LianxinServer
import LianxinCore

/// A small seeded generator (SplitMix64), so a failing history can be replayed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
}

/// Drives orders through the real `WorkOrderService` (intake batcher, transitions, merges closing with their
/// parent), one random action at a time, as the staff would.
struct ServiceHistory {
    let app: Application
    let clock: TestClock
    var random: SeededRandom
    var orders: [WorkOrder] = []
    var departments: [UUID] = []
    var applied = 0

    static let places = ["361102001001", "361102001003", "361102002001", "361103001"]
    static let categories = ["0101", "0102", "0201", "0601"]
    static let operatorStaff = WorkOrderActor.staff(.operator, id: UUID())
    static let dispatcher = WorkOrderActor.staff(.dispatcher, id: UUID())
    static let supervisor = WorkOrderActor.staff(.supervisor, id: UUID())

    init(app: Application, clock: TestClock, seed: UInt64) async throws {
        self.app = app
        self.clock = clock
        random = SeededRandom(state: seed)
        departments = try await Department.query(on: app.db).sort(\.$code).limit(3).all().map { try $0.requireID() }
    }

    var service: WorkOrderService { WorkOrderService(application: app, database: app.db) }

    mutating func create() async throws {
        let input = NewWorkOrder(
            title: "测试工单", description: "随机历史中的工单", categoryCode: random.pick(Self.categories),
            channel: random.pick(LianxinCore.Channel.allCases).rawValue, requestKind: random.pick(RequestKind.allCases).rawValue,
            tier: random.pick(Tier.allCases).rawValue, divisionCode: random.pick(Self.places))
        let valid = try await service.validate(input, scope: nil)
        let (row, _) = try await service.create(valid, by: random.chance(0.8) ? Self.operatorStaff : .resident(), idempotencyKey: nil)
        orders.append(row)
    }

    /// One step: a new order now and then, otherwise the next legal action on a random live order.
    mutating func step() async throws {
        clock.advance(randomGap())
        let live = orders.filter { !(WorkOrderStatus(rawValue: $0.status)?.isFinal ?? true) }
        if live.isEmpty || random.chance(0.12) { return try await create() }
        let chosen = random.pick(live)
        guard let order = try await WorkOrder.find(chosen.id, on: app.db) else { return }
        var attempts = candidates(for: order, live: live)
        attempts.shuffle(using: &random)
        if random.chance(0.7) { attempts.insert(contentsOf: happyPath(for: order), at: 0) }
        for (action, actor) in attempts {
            do {
                _ = try await service.apply(action, to: order, by: .unscoped(actor))
                applied += 1
                return
            } catch is Problem {
                continue
            }
        }
    }

    private mutating func randomGap() -> TimeInterval {
        let range = random.pick([10...240, 30...900, 30...900, 600...3_600, 3_600...43_200])
        return Double(Int.random(in: range, using: &random))
    }

    private func handler(_ order: WorkOrder) -> WorkOrderActor {
        .staff(.departmentHandler, id: UUID(), departmentID: order.departmentID)
    }

    private mutating func happyPath(for order: WorkOrder) -> [(WorkOrderAction, WorkOrderActor)] {
        let handler = handler(order)
        switch WorkOrderStatus(rawValue: order.status) {
        case .submitted: return [(.accept(note: nil), Self.operatorStaff)]
        case .received: return [(.dispatch(departmentID: random.pick(departments), note: nil), Self.dispatcher)]
        case .returned: return [(.redispatch(departmentID: random.pick(departments), reason: "改派"), Self.dispatcher)]
        case .dispatched, .reopened: return [(.sign, handler)]
        case .signed, .arrived: return [(.startProgress, handler)]
        case .inProgress:
            // Now and then the unit asks for more time first, and a supervisor agrees.
            if random.chance(0.25) {
                return [(.approveExtension(note: nil), Self.supervisor), (.requestExtension(extra: .workingDays(2), reason: "协调中"), handler)]
            }
            return [(.complete(note: "已办结", photoIDs: []), handler)]
        case .completed, .reviewed:
            let evaluation = Evaluation(satisfaction: random.pick(Satisfaction.allCases), solved: random.chance(0.8))
            return [(.revisit(evaluation), Self.operatorStaff)]
        case .evaluated: return [(.close(note: nil), Self.operatorStaff)]
        case .shelved: return [(.unshelve(note: nil), Self.supervisor)]
        default: return []
        }
    }

    private mutating func candidates(for order: WorkOrder, live: [WorkOrder]) -> [(WorkOrderAction, WorkOrderActor)] {
        let handler = handler(order)
        let evaluation = Evaluation(satisfaction: random.pick(Satisfaction.allCases), solved: random.chance(0.7))
        var actions: [(WorkOrderAction, WorkOrderActor)] = [
            (.dispatch(departmentID: random.pick(departments), note: nil), Self.dispatcher),
            (.redispatch(departmentID: random.pick(departments), reason: "改派"), Self.dispatcher),
            (.sign, handler), (.returnOrder(reason: "非本单位职责"), handler), (.arrive(location: nil), handler),
            (.approveReturn(note: nil), Self.dispatcher), (.refuseReturn(reason: "属于本单位"), Self.dispatcher),
            (.startProgress, handler), (.requestExtension(extra: .workingDays(2), reason: "协调中"), handler),
            (.approveExtension(note: nil), Self.supervisor), (.approveExtension(note: nil), Self.dispatcher),
            (.complete(note: "已办结", photoIDs: []), handler), (.revisit(evaluation), Self.operatorStaff),
            (.reopen(reason: "重办"), Self.operatorStaff), (.close(note: nil), Self.operatorStaff),
            (.shelve(reason: "挂账"), Self.supervisor), (.unshelve(note: nil), Self.supervisor),
            (.pauseForRequester(reason: "等待"), handler), (.resume, handler),
        ]
        if random.chance(0.15) {
            actions.append((.cancel(reason: "作废"), Self.operatorStaff))
            let parents = live.filter { $0.id != order.id }
            if !parents.isEmpty, let parent = random.pick(parents).id { actions.append((.merge(parentID: parent), Self.operatorStaff)) }
        }
        return actions
    }
}

@Suite("Dashboards: rollups kept in each event's transaction equal a rebuild from the events")
struct DashboardRollupTests {
    @Test func rollupsKeptEventByEventEqualRebuildingThemFromTheEvents() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            var history = try await ServiceHistory(app: app, clock: clock, seed: 7)
            for _ in 0..<400 { try await history.step() }
            let sql = try #require(app.db as? any SQLDatabase)
            let incremental = try await RollupStore.table(on: sql)
            let incrementalFacts = try await RollupStore.facts(on: sql)
            let incrementalSummary = try await RollupSummaryStore.rows(on: sql)
            #expect(history.orders.count > 30)
            #expect(history.applied > 250)
            #expect(incrementalFacts.count == history.orders.count)

            let report = try await RollupRebuild.run(app: app)
            #expect(report.orders == history.orders.count)
            let rebuilt = try await RollupStore.table(on: sql)
            let rebuiltFacts = try await RollupStore.facts(on: sql)
            #expect(rebuiltFacts == incrementalFacts)
            #expect(rebuilt == incremental)
            #expect(rebuilt.count == report.rows)
            let rebuiltSummary = try await RollupSummaryStore.rows(on: sql)
            #expect(rebuiltSummary == incrementalSummary)
            #expect(rebuiltSummary == RollupSummary.delta(of: rebuilt))
            #expect(rebuiltSummary.count == report.summaryRows)

            let total = rebuilt.values.reduce(RollupCounters.zero, +)
            #expect(total.received == history.orders.count)
            let reached: [String: Int] = [
                "dispatched": total.dispatched, "closed": total.closed, "evaluated": total.evaluated,
                "reopened": total.reopened, "extended": total.extended, "merged": total.merged, "cancelled": total.cancelled,
                "sign started": total[.sign].started, "complete met": total[.complete].met,
                "complete late": total[.complete].stopped - total[.complete].met,
            ]
            for (name, count) in reached { #expect(count > 0, "the history reaches \(name)") }
        }
    }

    static func withoutHistograms(_ counters: RollupCounters) -> RollupCounters {
        var values = RollupStore.values(of: counters)
        for (index, entry) in RollupStore.counters.enumerated() {
            if case .stage(_, .bucket) = entry.counter { values[index] = 0 }
        }
        return RollupStore.counters(from: values)
    }

    /// Every figure a dashboard reads from the summary rows equals the same figure added up from the fine rows.
    @Test func summaryRowsAnswerEveryCutAsTheFineRowsDo() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            var history = try await ServiceHistory(app: app, clock: clock, seed: 7)
            for _ in 0..<250 { try await history.step() }
            let days = history.orders.map { LocalDate($0.createdAt, in: WorkCalendar.shanghai) }
            let first = try #require(days.min()), last = try #require(days.max())
            let periods: [Period] = [
                .day(first), .week(containing: last), try #require(Period.containing(first, kind: .month)),
                try #require(Period.containing(last, kind: .quarter)), .year(first.year),
                try #require(Period.custom(from: first.adding(days: 1), through: last)),
                try #require(Period.custom(from: first.adding(days: -40), through: last.adding(days: 400))),
            ]
            let divisions = ["36", "3611", "361102", "361102001", "361102001001", "361103001"].compactMap(DivisionCode.init)
            let columns = [
                "day", "city", "county", "township", "community", "grid", "department_id", "category_code", "channel",
                "request_kind",
            ]
            var fromSummary = 0
            for period in periods {
                for division in divisions {
                    let cut = RollupCut(period: period, division: division)
                    #expect(
                        try await DashboardQueries.total(cut, on: app.db) == DashboardQueries.total(cut, fine: true, on: app.db),
                        "\(period) \(division.value)")
                    for column in columns {
                        let summary = try await DashboardQueries.totals(cut, by: column, on: app.db).filter { !$0.value.isZero }
                        let fine = try await DashboardQueries.totals(cut, by: column, fine: true, on: app.db).filter { !$0.value.isZero }
                        #expect(summary == fine, "\(period) \(division.value) by \(column)")
                        // Splits without the stage-time histograms: the same counts, histograms left at zero.
                        let lean = try await DashboardQueries.totals(cut, by: column, histograms: false, on: app.db).filter { !$0.value.isZero }
                        #expect(lean.mapValues(Self.withoutHistograms) == fine.mapValues(Self.withoutHistograms))
                        #expect(lean.values.allSatisfy { $0 == Self.withoutHistograms($0) })
                        if try await RollupSummaryStore.totals(cut, by: column, on: app.db as! any SQLDatabase) != nil { fromSummary += 1 }
                    }
                }
            }
            #expect(fromSummary > 200)
            let received = try await DashboardQueries.total(RollupCut(period: periods[6], division: DivisionCode("3611")), on: app.db).received
            #expect(received == history.orders.count)

            // Cuts filtered on one dimension (and, read from the fine rows, on two): the same answers either way.
            let units = history.departments
            let filters: [(String, (inout RollupCut) -> Void)] = [
                ("units", { $0.departmentIDs = Array(units.prefix(2)) }), ("no unit", { $0.departmentIDs = [] }),
                ("category tree", { $0.categoryPrefix = "01" }), ("leaf category", { $0.categoryPrefix = "0201" }),
                ("channel", { $0.channels = [.miniProgram] }), ("channels", { $0.channels = [.hotline, .gridPatrol] }),
                ("kind", { $0.requestKinds = [.complaint] }),
                (
                    "channel and kind",
                    {
                        $0.channels = [.hotline]; $0.requestKinds = [.complaint, .inquiry]
                    }
                ),
                (
                    "category and unit",
                    {
                        $0.categoryPrefix = "01"; $0.departmentIDs = [units[0]]
                    }
                ),
            ]
            var filteredFromSummary = 0
            for period in [periods[1], periods[2], periods[5]] {
                for division in divisions {
                    for (name, apply) in filters {
                        var cut = RollupCut(period: period, division: division)
                        apply(&cut)
                        #expect(
                            try await DashboardQueries.total(cut, on: app.db) == DashboardQueries.total(cut, fine: true, on: app.db),
                            "\(period) \(division.value) \(name)")
                        for column in columns {
                            let summary = try await DashboardQueries.totals(cut, by: column, histograms: false, on: app.db).filter {
                                !$0.value.isZero
                            }
                            let fine = try await DashboardQueries.totals(cut, by: column, histograms: false, fine: true, on: app.db)
                                .filter { !$0.value.isZero }
                            #expect(summary == fine, "\(period) \(division.value) \(name) by \(column)")
                            if try await RollupSummaryStore.totals(cut, by: column, on: app.db as! any SQLDatabase) != nil {
                                filteredFromSummary += 1
                                #expect(cut.grid == nil && !name.contains(" and "))
                            }
                        }
                    }
                }
            }
            #expect(filteredFromSummary > 200)
        }
    }

    @Test func aRebuildReplacesRowsThatWentWrong() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            var history = try await ServiceHistory(app: app, clock: clock, seed: 7)
            for _ in 0..<60 { try await history.step() }
            let sql = try #require(app.db as? any SQLDatabase)
            let before = try await RollupStore.table(on: sql)
            try await sql.raw("UPDATE order_rollups SET received = received + 5").run()
            try await sql.raw("DELETE FROM order_rollup_facts").run()
            try await sql.raw("UPDATE order_rollup_summary SET closed = closed + 1").run()
            #expect(try await RollupStore.table(on: sql) != before)
            _ = try await RollupRebuild.run(app: app)
            #expect(try await RollupStore.table(on: sql) == before)
            #expect(try await RollupStore.facts(on: sql).count == history.orders.count)
            #expect(try await RollupSummaryStore.rows(on: sql) == RollupSummary.delta(of: before))
        }
    }
}
