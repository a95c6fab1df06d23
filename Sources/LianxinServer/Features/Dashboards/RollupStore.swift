import Vapor
import Fluent
import SQLKit
import LianxinCore

/// The rollup tables dashboards read. `order_rollups` holds one row of additive counters (`RollupCounters`) per
/// creation day × grid path × unit × category × channel × request kind, so any period is a sum of days and any
/// division a sum of its rows; `order_rollup_facts` holds each order's `OrderFact`, the "before" of its next event.
/// Both are kept in the transaction that writes each work-order event (`record`), with the summary rows above them
/// (`RollupSummaryStore`), and `RollupRebuild` recomputes all three from the events.
enum RollupStore {
    static let factsTable = "order_rollup_facts"
    static let rowsTable = "order_rollups"

    /// The key columns; an absent code or unit is stored as '' so the unique key matches on both engines.
    static let keyColumns = [
        "day", "city", "county", "township", "community", "grid", "department_id",
        "category_code", "channel", "request_kind",
    ]

    /// One stored counter column and where it lives in `RollupCounters`.
    enum Counter: Sendable {
        case count(String)
        case stage(SLAStage, StageField)
    }

    enum StageField: Sendable, Hashable {
        case started, stopped, met, seconds
        case bucket(Int)
    }

    /// Every counter column with its name, in storage order.
    static let counters: [(column: String, counter: Counter)] = {
        var columns = RollupCounters.countNames.map { (snake($0), Counter.count($0)) }
        for stage in SLAStage.allCases {
            let prefix = snake(stage.rawValue)
            columns += [
                ("\(prefix)_started", .stage(stage, .started)), ("\(prefix)_stopped", .stage(stage, .stopped)),
                ("\(prefix)_met", .stage(stage, .met)), ("\(prefix)_seconds", .stage(stage, .seconds)),
            ]
            columns += (0...StageHistogram.boundsInMinutes.count).map { ("\(prefix)_h\($0)", .stage(stage, .bucket($0))) }
        }
        return columns
    }()

    static var counterColumns: [String] { counters.map(\.column) }

    static func snake(_ name: String) -> String {
        name.reduce(into: "") { text, character in
            if character.isUppercase { text += "_" + character.lowercased() } else { text.append(character) }
        }
    }

    /// The counter values in column order.
    static func values(of counters: RollupCounters) -> [Int] {
        let stages = Dictionary(uniqueKeysWithValues: SLAStage.allCases.map { ($0, counters[$0]) })
        return Self.counters.map { _, counter in
            switch counter {
            case .count(let name): counters.count(named: name) ?? 0
            case .stage(let stage, let field):
                switch field {
                case .started: stages[stage]!.started
                case .stopped: stages[stage]!.stopped
                case .met: stages[stage]!.met
                case .seconds: stages[stage]!.seconds
                case .bucket(let index): stages[stage]!.histogram.counts[index]
                }
            }
        }
    }

    /// Counters from values in column order.
    static func counters(from values: [Int]) -> RollupCounters {
        var result = RollupCounters()
        var stages: [SLAStage: (StageCounters, [Int])] = [:]
        for ((_, counter), value) in zip(counters, values) {
            switch counter {
            case .count(let name): result.setCount(value, named: name)
            case .stage(let stage, let field):
                var (parts, buckets) = stages[stage] ?? (StageCounters(), [])
                switch field {
                case .started: parts.started = value
                case .stopped: parts.stopped = value
                case .met: parts.met = value
                case .seconds: parts.seconds = value
                case .bucket: buckets.append(value)
                }
                stages[stage] = (parts, buckets)
            }
        }
        for (stage, (parts, buckets)) in stages {
            var stageCounters = parts
            stageCounters.histogram = StageHistogram(counts: buckets) ?? StageHistogram()
            result[stage] = stageCounters
        }
        return result
    }

    /// The counters of a row read with the counter columns (or their sums) under their own names.
    static func counters(of row: any SQLRow) throws -> RollupCounters {
        // A database migrating from before a counter existed reads it as zero until its migration adds the column.
        counters(from: try counterColumns.map { row.contains(column: $0) ? try row.decode(column: $0, as: Int?.self) ?? 0 : 0 })
    }

    /// Counter columns added by later migrations (`AddRollupExemptedCounter`), not by the ones that create the tables,
    /// so a new database and an old one brought up to date have the same tables.
    static let columnsAddedLater: Set<String> = Set(["exempted"] + verificationColumns + hotlineIndicatorColumns)

    /// The counters of the hotline's own indicators (`AddHotlineIndicatorCounters`): 直接办结, 知识库命中, 回退, 重复诉求.
    static let hotlineIndicatorColumns: [String] = counters.compactMap { column, counter in
        switch counter {
        case .count(let name): ["answeredDirectly", "answeredFromKnowledge", "returnedOnce", "repeatLinked"].contains(name) ? column : nil
        case .stage: nil
        }
    }

    /// The counters of the on-site check (核查, `AddOrderVerification`): the two order counts and the `verify` stage's.
    static let verificationColumns: [String] = counters.compactMap { column, counter in
        switch counter {
        case .count(let name): ["verified", "verificationFailed"].contains(name) ? column : nil
        case .stage(let stage, _): stage == .verify ? column : nil
        }
    }

    static func keyValues(_ key: RollupKey) -> [String] {
        let d = key.divisions
        return [
            key.day.description, d.city ?? "", d.county ?? "", d.township ?? "", d.community ?? "", d.grid ?? "",
            key.departmentID?.uuidString ?? "", key.categoryCode, key.channel.rawValue, key.requestKind.rawValue,
        ]
    }

    static func key(of row: any SQLRow) throws -> RollupKey {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        func code(_ column: String) throws -> String? { let value = try text(column); return value.isEmpty ? nil : value }
        guard let day = LocalDate(iso: try text("day")), let channel = LianxinCore.Channel(rawValue: try text("channel")),
            let kind = RequestKind(rawValue: try text("request_kind"))
        else {
            throw Abort(.internalServerError, reason: "unreadable rollup key")
        }
        return RollupKey(
            day: day,
            divisions: OrderDivisions(
                city: try code("city"), county: try code("county"), township: try code("township"),
                community: try code("community"), grid: try code("grid")),
            departmentID: try code("department_id").flatMap(UUID.init(uuidString:)), categoryCode: try text("category_code"),
            channel: channel, requestKind: kind)
    }

    // MARK: Keeping up event by event

    /// Folds one event (already appended, in the caller's transaction) into the order's fact and the rollups.
    /// The event and clocks are read back in their stored precision, so the result equals a rebuild from storage.
    static func record(
        _ event: WorkOrderEvent, order: WorkOrder, calendar: WorkCalendar, context: LianxinContext,
        on db: any Database
    ) async throws {
        let sql = db.sql
        let orderID = try order.requireID()
        let stored = try WorkOrderService.decodeEvent(WorkOrderService.record(of: event))
        let old = try await fact(of: orderID, on: sql)
        var new: OrderFact
        if let old, old.version == stored.sequence - 1 {
            new = old.applying(stored, clocks: try storedClocks(of: order), in: calendar)
        } else {
            // An order from before the rollups existed (or out of step): replay its history, this event included.
            let policy = try await ReferenceData.policy(order.slaPolicyCode, context.referenceCache, on: db)
            let events = try await WorkOrderEventRecord.query(on: db).filter(\.$orderID == orderID).sort(\.$sequence).all()
            new = try OrderFact.from(
                events: events.map(WorkOrderService.decodeEvent), dimensions: dimensions(of: order),
                policy: policy, in: calendar)
        }
        new.dimensions = dimensions(of: order)
        try await save([new], replacing: old != nil, on: sql)
        try await apply(RollupCounters.delta(from: old, to: new), on: sql)
    }

    /// Folds the first events of new orders (written in the caller's transaction by intake) into facts and rollups,
    /// each with the work calendar its clocks were computed with (intake's cached copy: loading the calendar here,
    /// inside the serialized write, held intake at 300 orders/s instead of 423).
    static func recordCreated(
        _ orders: [(row: WorkOrder, events: [WorkOrderEvent], calendar: WorkCalendar)],
        on db: any Database
    ) async throws {
        guard !orders.isEmpty else { return }
        let sql = db.sql
        var facts: [OrderFact] = []
        var delta: [RollupKey: RollupCounters] = [:]
        for (row, events, calendar) in orders {
            let stored = try events.map { try WorkOrderService.decodeEvent(WorkOrderService.record(of: $0)) }
            guard let first = stored.first else { continue }
            let clocks = try storedClocks(of: row)
            var fact = try OrderFact(created: first, dimensions: dimensions(of: row), clocks: clocks, in: calendar)
            for event in stored.dropFirst() { fact = fact.applying(event, clocks: clocks, in: calendar) }
            facts.append(fact)
            for (key, change) in RollupCounters.delta(from: nil, to: fact) { delta[key, default: .zero] += change }
        }
        try await save(facts, replacing: false, on: sql)
        try await apply(delta, on: sql)
    }

    /// Where, what and how of an order row, as its rollup key counts it.
    static func dimensions(of row: WorkOrder) -> OrderDimensions {
        let lineage = DivisionCode(row.divisionCode)?.lineage ?? []
        func code(_ level: DivisionLevel) -> String? { lineage.first { $0.level == level }?.value }
        return OrderDimensions(
            divisions: OrderDivisions(
                city: code(.city), county: code(.county), township: code(.township),
                community: code(.community), grid: row.gridCode),
            categoryCode: row.categoryCode, channel: LianxinCore.Channel(rawValue: row.channel) ?? .hotline,
            requestKind: RequestKind(rawValue: row.requestKind) ?? .assistance)
    }

    static func storedClocks(of row: WorkOrder) throws -> WorkOrderClocks {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601withFractions
        return try decoder.decode(WorkOrderClocks.self, from: Data(row.clocks.utf8))
    }

    static let factColumns = [
        "order_id", "day", "city", "county", "township", "community", "grid", "department_id",
        "category_code", "channel", "request_kind", "overdue_after", "created_at", "fact",
    ]

}
