import Vapor
import Fluent
import LianxinCore

/// Builds dashboards and rankings from the rollups with the indicator formulas of LianxinCore.
struct DashboardService {
    let db: any Database
    let context: LianxinContext
    let english: Bool

    /// The stored scheme `code`, or the built-in three-rates scheme when none is stored under that code.
    static func scheme(_ code: String?, on db: any Database) async throws -> AssessmentScheme {
        let code = code ?? AssessmentScheme.threeRates.code
        if let record = try await AssessmentSchemeRecord.find(code, on: db) {
            return try JSONDecoder().decode(AssessmentScheme.self, from: Data(record.scheme.utf8))
        }
        guard code == AssessmentScheme.threeRates.code else { throw Problem.invalid(field: "scheme", "unknown assessment scheme / 考核方案不存在") }
        return .threeRates
    }

    /// The indicators shown on the dashboard, in order.
    static let shown: [IndicatorID] = [
        .responseRate, .resolutionRate, .satisfactionRate, .onTimeRate, .closureRate,
        .reopenRate, .extensionRate, .averageStageTime, .stageTimePercentile,
        .directAnswerRate, .knowledgeHitRate, .signOnTimeRate, .returnRate, .revisitRate, .exemptionRate, .repeatRate,
    ]

    func figures(_ counters: RollupCounters, settings: IndicatorSettings) -> [IndicatorID: IndicatorValue] {
        Dictionary(settings.values(of: counters).map { ($0.indicator, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func dashboard(_ request: DashboardRequest, scheme: AssessmentScheme) async throws -> DashboardDTO {
        let cut = request.cut
        let settings = scheme.indicators
        async let current = DashboardQueries.total(cut, on: db)
        async let previous = DashboardQueries.total(cut.over(cut.period.previous), on: db)
        async let lastYear = DashboardQueries.total(cut.over(cut.period.sameLastYear), on: db)
        async let overdue = DashboardQueries.overdueOpen(cut, now: context.now(), on: db)
        async let trendPoints = trend(cut)
        async let cutTables = cuts(request, settings: settings)
        let counters = try await current
        let now = figures(counters, settings: settings), before = figures(try await previous, settings: settings),
            yearAgo = figures(try await lastYear, settings: settings)
        var indicators: [IndicatorFigure] = []
        for id in Self.shown {
            guard let definition = settings.definition(of: id), let value = now[id] else { continue }
            let measures = settings.measures(of: id)
            indicators.append(
                IndicatorFigure(
                    id: id.rawValue, name: definition.name.text(english: english), unit: definition.unit.rawValue,
                    formula: definition.formula.text(english: english), value: value.value, numerator: value.numerator,
                    denominator: value.denominator, basis: value.basis, previous: before[id]?.value, sameLastYear: yearAgo[id]?.value,
                    numeratorMeasures: measures?.numerator.map(\.description) ?? [],
                    denominatorMeasure: measures?.denominator.description))
        }
        let composite = scheme.score(Array(now.values))
        indicators.append(
            IndicatorFigure(
                id: IndicatorID.compositeScore.rawValue, name: scheme.definition.name.text(english: english), unit: "points",
                formula: scheme.definition.formula.text(english: english), value: composite.value, numerator: composite.numerator,
                denominator: composite.denominator, basis: composite.basis, previous: scheme.score(Array(before.values)).value,
                sameLastYear: scheme.score(Array(yearAgo.values)).value, numeratorMeasures: [], denominatorMeasure: nil))
        let measures = Dictionary(uniqueKeysWithValues: RollupMeasure.all.map { ($0.description, $0.value(in: counters)) })
        return DashboardDTO(
            division: try await divisionRef(request.division), period: cut.period.description,
            first: cut.period.first.description, last: cut.period.last.description,
            previousPeriod: cut.period.previous.description, sameLastYearPeriod: cut.period.sameLastYear.description,
            received: counters.received, counted: counters.counted, overdueOpen: try await overdue, measures: measures,
            verification: VerificationFigures(counters), indicators: indicators, trend: try await trendPoints, cuts: try await cutTables)
    }

    func divisionRef(_ code: DivisionCode) async throws -> DivisionRef {
        let name = try await Division.find(code.value, on: db)?.name ?? code.value
        return DivisionRef(code: code.value, name: name, level: code.level.rawValue)
    }

    /// Days of a period up to a month, months of a longer one.
    func trend(_ cut: RollupCut) async throws -> [TrendPoint] {
        let byDay = try await DashboardQueries.totals(cut, by: "day", histograms: false, on: db)
        var buckets: [Period] = []
        if cut.period.dayCount <= 31 {
            buckets = (0..<cut.period.dayCount).map { .day(cut.period.first.adding(days: $0)) }
        } else {
            var day = cut.period.first
            while day <= cut.period.last, let month = Period.containing(day, kind: .month) {
                buckets.append(month)
                day = month.last.adding(days: 1)
            }
        }
        let satisfaction = SatisfactionRate()
        return buckets.map { bucket in
            let counters = byDay.reduce(into: RollupCounters()) { sum, entry in
                if let day = LocalDate(iso: entry.key), bucket.contains(day), cut.period.contains(day) { sum += entry.value }
            }
            return TrendPoint(
                label: bucket.description, first: max(bucket.first, cut.period.first).description,
                last: min(bucket.last, cut.period.last).description, received: counters.received,
                closed: counters.closed, satisfactionRate: satisfaction.value(of: counters).value)
        }
    }

    private func values(_ counters: RollupCounters, settings: IndicatorSettings) -> [String: Double] {
        var values: [String: Double] = [:]
        for value in settings.values(of: counters) where value.indicator != .stageTimePercentile {
            if let figure = value.value { values[value.indicator.rawValue] = figure }
        }
        return values
    }

    /// The figures split by the next division level, unit, top-level category, channel and request kind.
    func cuts(_ request: DashboardRequest, settings: IndicatorSettings) async throws -> [CutTable] {
        let cut = request.cut
        let catalog = try await ReferenceData.catalog(context.referenceCache, on: db)
        var tables: [CutTable] = []
        let childColumn: String? =
            switch request.division.level {
            case .province: "city"
            case .city: "county"
            case .county: "township"
            case .township: "community"
            case .community: "grid"
            }
        // The splits run side by side; none shows a percentile, so none reads the histograms.
        let childSplit = cut.grid == nil ? childColumn : nil
        async let children: [String: RollupCounters]? =
            childSplit == nil
            ? nil
            : DashboardQueries.totals(cut, by: childSplit!, histograms: false, on: db)
        async let unitTotals = DashboardQueries.totals(cut, by: "department_id", histograms: false, on: db)
        async let categoryTotals = DashboardQueries.totals(cut, by: "category_code", histograms: false, on: db)
        async let channelTotals = DashboardQueries.totals(cut, by: "channel", histograms: false, on: db)
        async let kindTotals = DashboardQueries.totals(cut, by: "request_kind", histograms: false, on: db)
        if let childColumn = childSplit, let totals = try await children {
            let names = try await Division.query(on: db).filter(\.$id ~~ Array(totals.keys)).all()
            let grids = try await Grid.query(on: db).filter(\.$code ~~ Array(totals.keys)).filter(\.$validTo == nil).all()
            let label = Dictionary(names.map { ($0.id ?? "", $0.name) } + grids.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
            tables.append(
                CutTable(
                    dimension: childColumn == "grid" ? "grid" : "division",
                    rows: rows(totals, settings: settings) {
                        $0.isEmpty ? (english ? "(not located)" : "（未定位）") : label[$0] ?? $0
                    }))
        }
        let units = try await unitTotals
        let departments = try await Department.query(on: db).all()
        let unitNames = Dictionary(departments.map { ($0.id?.uuidString ?? "", $0.name) }, uniquingKeysWith: { a, _ in a })
        tables.append(
            CutTable(
                dimension: "department",
                rows: rows(units, settings: settings) {
                    $0.isEmpty ? (english ? "(not dispatched)" : "（未派单）") : unitNames[$0] ?? $0
                }))
        let leaves = try await categoryTotals
        var tops: [String: RollupCounters] = [:]
        for (code, counters) in leaves { tops[String(code.prefix(2)), default: .zero] += counters }
        tables.append(CutTable(dimension: "category", rows: rows(tops, settings: settings) { catalog.categories[$0]?.name ?? $0 }))
        tables.append(CutTable(dimension: "leafCategory", rows: rows(leaves, settings: settings) { catalog.categories[$0]?.name ?? $0 }))
        let channels = try await channelTotals
        tables.append(
            CutTable(
                dimension: "channel",
                rows: rows(channels, settings: settings) {
                    LianxinCore.Channel(rawValue: $0)?.title(english: english) ?? $0
                }))
        let kinds = try await kindTotals
        tables.append(
            CutTable(
                dimension: "requestKind",
                rows: rows(kinds, settings: settings) {
                    RequestKind(rawValue: $0)?.title(english: english) ?? $0
                }))
        return tables
    }

    private func rows(_ totals: [String: RollupCounters], settings: IndicatorSettings, label: (String) -> String) -> [CutRow] {
        totals.filter { $0.value.received > 0 }
            .map {
                CutRow(
                    key: $0.key, label: label($0.key), received: $0.value.received, counted: $0.value.counted,
                    values: values($0.value, settings: settings))
            }
            .sorted { $0.received != $1.received ? $0.received > $1.received : $0.key < $1.key }
    }

    // MARK: Rankings

    /// The units a ranking lists: every division of `level` in the scope (or grids in force, or units), each with
    /// its counters, so units without orders are listed too (no score).
    func ranking(level: String, request: DashboardRequest, scheme: AssessmentScheme) async throws -> RankingDTO {
        let cut = request.cut
        var units: [(code: String, name: String)]
        let column: String
        switch level {
        case "department":
            column = "department_id"
            units = try await Department.query(on: db).filter(\.$active == true).sort(\.$code).all().compactMap { department in
                guard let id = department.id else { return nil }
                if let own = cut.departmentIDs, !own.contains(id) { return nil }
                let reaches = DivisionCode(department.divisionCode).map { request.division.contains($0) || $0.contains(request.division) } ?? false
                return reaches ? (id.uuidString, department.name) : nil
            }
        case "grid":
            column = "grid"
            units = try await Grid.query(on: db).filter(\.$validTo == nil)
                .within(\.$communityCode, request.division).sort(\.$code).all().map { ($0.code, $0.name) }
        default:
            guard let divisionLevel = DivisionLevel(rawValue: level), divisionLevel != .province,
                divisionLevel > request.division.level
            else {
                throw Problem.invalid(field: "level", "county, township, community, grid or department, below your division / 排名层级无效")
            }
            column = RollupCut.column(of: divisionLevel)
            units = try await Division.query(on: db).filter(\.$level == divisionLevel.rawValue)
                .within(\.$id, request.division).filter(\.$validTo == nil).sort(\.$id).all()
                .map { ($0.id ?? "", $0.name) }
        }
        let totals = try await DashboardQueries.totals(cut, by: column, on: db)
        let settings = scheme.indicators
        var exempted: [String: Int] = [:]
        var figures: [String: [IndicatorValue]] = [:]
        let candidates = units.map { unit -> RankingCandidate<String> in
            let counters = totals[unit.code] ?? .zero
            exempted[unit.code] = counters.exempted
            let values = settings.values(of: counters)
            figures[unit.code] = values
            return RankingCandidate(unit: unit.code, score: scheme.score(values).value, orders: counters.counted)
        }
        let names = Dictionary(units.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = scheme.rank(candidates).map { entry in
            var values: [String: Double] = [:]
            for value in figures[entry.unit] ?? [] where value.indicator != .stageTimePercentile {
                if let figure = value.value { values[value.indicator.rawValue] = figure }
            }
            return RankingRow(
                rank: entry.rank, code: entry.unit, name: names[entry.unit] ?? entry.unit, score: entry.score,
                orders: entry.orders, exempted: exempted[entry.unit] ?? 0, standing: entry.standing.rawValue, values: values)
        }
        return RankingDTO(
            level: level, division: try await divisionRef(request.division), period: cut.period.description,
            scheme: scheme.code, formula: scheme.definition.formula.text(english: english), rows: rows)
    }
}

extension DashboardService {
    /// The service for a request: its database, context and language.
    init(_ req: Request) {
        self.init(db: req.db, context: req.lianxin, english: req.language == .en)
    }
}
