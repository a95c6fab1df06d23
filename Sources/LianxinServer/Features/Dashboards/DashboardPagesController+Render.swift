import Vapor
import Fluent
import LianxinCore

extension DashboardPagesController {
    /// The dashboard or a scorecard of `request`: KPI tiles, trend, rankings, map and hotspots, every number a link.
    func render(_ req: Request, request: DashboardRequest, heading: String, template: String) async throws -> Response {
        let english = req.language == .en
        let texts = req.lianxin.localizer.table(req.language)
        func t(_ key: String) -> String { texts[key] ?? key }
        let format = FigureFormat(english: english)
        let scheme = try await DashboardService.scheme(req.query[String.self, at: "scheme"], on: req.db)
        let service = DashboardService(req)
        let data = try await service.dashboard(request, scheme: scheme)
        let cut = request.cut
        let definitions = scheme.indicators

        func tile(_ figure: IndicatorFigure) -> KPITile {
            let higher = definitions.definition(of: IndicatorID(rawValue: figure.id) ?? .compositeScore)?.higherIsBetter ?? true
            let previous = format.change(figure.value, figure.previous, unit: figure.unit, higherIsBetter: higher)
            let lastYear = format.change(figure.value, figure.sameLastYear, unit: figure.unit, higherIsBetter: higher)
            return KPITile(
                id: figure.id, name: figure.name, value: format.text(figure.value, unit: figure.unit),
                numerator: (figure.unit == "share" ? figure.numerator : nil).map { value in
                    [LinkedNumber(text: ShareText.count(value), href: figure.numeratorMeasures.first.map { Self.drillHref(cut, measure: $0) })]
                } ?? [],
                denominator: (figure.unit == "share" ? figure.denominator : nil).map { value in
                    LinkedNumber(text: ShareText.count(value), href: figure.denominatorMeasure.map { Self.drillHref(cut, measure: $0) })
                },
                previous: format.text(figure.previous, unit: figure.unit), previousChange: previous.text, previousTone: previous.tone,
                sameLastYear: format.text(figure.sameLastYear, unit: figure.unit), sameLastYearChange: lastYear.text,
                sameLastYearTone: lastYear.tone, formula: figure.formula,
                weighted: figure.unit == "share" && figure.numerator.map { $0 != $0.rounded() } ?? false)
        }
        func count(_ name: String, _ value: Int, measure: String) -> KPITile {
            KPITile(
                id: measure, name: name, value: String(value), numerator: [], denominator: nil, previous: "",
                previousChange: "", previousTone: "flat", sameLastYear: "", sameLastYearChange: "", sameLastYearTone: "flat",
                formula: "")
        }
        let counts =
            [
                count(t("dash_received"), data.received, measure: "received"),
                count(t("dash_counted"), data.counted, measure: "counted"),
                count(t("dash_overdue"), data.overdueOpen, measure: "overdueOpen"),
            ] + ((data.measures["exempted"] ?? 0) > 0 ? [count(t("dash_exempted"), data.measures["exempted"] ?? 0, measure: "exempted")] : [])

        let trendWidth = 720.0, trendHeight = 160.0
        let columns = ChartGeometry.columns(data.trend.map { ($0.label, Double($0.received)) }, width: trendWidth, height: trendHeight)
        let trendBars = zip(columns, data.trend).map { bar, point in
            ChartMark(
                x: bar.x, y: bar.y, width: bar.width, height: bar.height, label: point.label, value: String(point.received),
                href: Self.drillHref(
                    cut.over(Period.custom(from: LocalDate(iso: point.first)!, through: LocalDate(iso: point.last)!)!),
                    measure: "received"))
        }
        let trendLine = ChartGeometry.line(data.trend.map(\.satisfactionRate), width: trendWidth, height: trendHeight, maximum: 1)
        let step = max(1, data.trend.count / 8)
        let trendLabels = columns.enumerated().filter { $0.offset % step == 0 }.map { _, bar in
            ChartMark(
                x: bar.x + bar.width / 2, y: trendHeight + 14, width: 0, height: 0,
                label: String(bar.label.suffix(bar.label.count > 7 ? 5 : 7)), value: "", href: nil)
        }

        let leaves = data.cuts.first { $0.dimension == "leafCategory" }?.rows.prefix(10) ?? []
        let categoryBars = zip(ChartGeometry.rows(leaves.map { ($0.label, Double($0.received)) }, width: 360, rowHeight: 26), leaves).map {
            bar, row in
            var filtered = cut
            filtered.categoryPrefix = row.key
            return ChartMark(
                x: bar.x, y: bar.y, width: bar.width, height: bar.height, label: row.label, value: String(row.received),
                href: Self.drillHref(filtered, measure: "received"), textX: bar.width + 186, textY: bar.y + 14,
                percent: (bar.width / 360 * 1000).rounded() / 10)
        }

        let map = try await ChoroplethMap.build(req, request: request, data: data, english: english)

        let hotspots = try await HotspotPresenter.latest(for: request.principal, status: "open", req).items
            .filter { request.division.contains(DivisionCode($0.divisionCode) ?? request.division) }
            .prefix(5).map(\.explanation)

        let rankingLevel: String? =
            switch request.division.level {
            case .province, .city: "county"
            case .county: "township"
            case .township: "community"
            case .community: "grid"
            }
        var ranking: [TableRow] = []
        var rankingTitle = ""
        if let rankingLevel, cut.grid == nil {
            var quarterly = request
            quarterly.cut = cut.over(Period.containing(cut.period.last, kind: .quarter) ?? cut.period)
            let table = try await service.ranking(level: rankingLevel, request: quarterly, scheme: scheme)
            rankingTitle = "\(t("dash_ranking")) · \(quarterly.cut.period) · \(t("dash_level_\(rankingLevel)"))"
            ranking = table.rows.prefix(15).map { row in
                var place = quarterly
                if rankingLevel == "grid" { place.cut.grid = row.code } else { place.cut.division = DivisionCode(row.code) }
                let href =
                    rankingLevel == "grid"
                    ? "/dashboard/grids/\(row.code)?period=\(cut.period)" : "/dashboard?division=\(row.code)&period=\(cut.period)"
                return TableRow(
                    label: row.name, href: href,
                    cells: [
                        LinkedNumber(text: row.rank.map(String.init) ?? t("dash_standing_\(row.standing)"), href: nil),
                        LinkedNumber(text: format.text(row.score, unit: "points"), href: nil),
                        LinkedNumber(text: String(row.orders), href: Self.drillHref(place.cut, measure: "counted")),
                    ])
            }
        }

        var tables: [CutTablePage] = []
        let headers = [t("dash_received"), t("dash_rate_response"), t("dash_rate_resolution"), t("dash_rate_satisfaction"), t("dash_rate_ontime")]
        for dimension in ["division", "grid", "department", "category", "channel", "requestKind"] {
            guard let table = data.cuts.first(where: { $0.dimension == dimension }), !table.rows.isEmpty else { continue }
            let rows = table.rows.prefix(20).map { row -> TableRow in
                var filtered = cut
                var href: String?
                switch dimension {
                case "division":
                    filtered.division = DivisionCode(row.key)
                    href = row.key.isEmpty ? nil : "/dashboard?division=\(row.key)&period=\(cut.period)"
                case "grid":
                    filtered.grid = row.key
                    href = row.key.isEmpty ? nil : "/dashboard/grids/\(row.key)?period=\(cut.period)"
                case "department":
                    filtered.departmentIDs = UUID(uuidString: row.key).map { [$0] } ?? []
                    href = row.key.isEmpty ? nil : "/dashboard/departments/\(row.key)?period=\(cut.period)&division=\(request.division.value)"
                case "category": filtered.categoryPrefix = row.key
                case "channel": filtered.channels = LianxinCore.Channel(rawValue: row.key).map { [$0] }
                default: filtered.requestKinds = RequestKind(rawValue: row.key).map { [$0] }
                }
                let drillable =
                    !(dimension == "division" && row.key.isEmpty) && !(dimension == "grid" && row.key.isEmpty)
                    && !(dimension == "department" && row.key.isEmpty)
                return TableRow(
                    label: row.label, href: href,
                    cells: [
                        LinkedNumber(text: String(row.received), href: drillable ? Self.drillHref(filtered, measure: "received") : nil)
                    ]
                        + ["responseRate", "resolutionRate", "satisfactionRate", "onTimeRate"].map {
                            LinkedNumber(text: format.text(row.values[$0], unit: "share"), href: nil)
                        })
            }
            tables.append(CutTablePage(title: t("dash_by_\(dimension)"), headers: headers, rows: rows))
        }

        let kind = cut.period.kind
        let previous = Period.containing(cut.period.first.adding(days: -1), kind: kind == .custom ? .day : kind) ?? cut.period
        let next = Period.containing(cut.period.last.adding(days: 1), kind: kind == .custom ? .day : kind) ?? cut.period
        let base = req.url.path
        func periodHref(_ period: Period) -> String { base + "?" + Self.query(cut.over(period)) }
        let model = DashboardPageModel(
            heading: texts[heading] ?? heading, divisionCode: request.division.value, divisionName: data.division.name,
            divisionPicker: try await DivisionPicker.load(
                req, id: "dash-division", name: "division", label: t("dash_division"), under: request.principal.division,
                selected: request.division.value, empty: t("field_division_own")),
            period: cut.period.description, date: cut.period.first.description,
            kinds: [PeriodKind.day, .week, .month, .quarter, .year].map {
                SelectOption(value: $0.rawValue, label: t("dash_period_\($0.rawValue)"), selected: $0 == kind)
            },
            hidden: [("grid", cut.grid), ("department", cut.departmentIDs?.count == 1 ? cut.departmentIDs?[0].uuidString : nil)]
                .compactMap { name, value in value.map { SelectOption(value: $0, label: name, selected: false) } },
            previousHref: periodHref(previous), nextHref: periodHref(next),
            counts: counts.map { tile in
                KPITile(
                    id: tile.id, name: tile.name, value: tile.value,
                    numerator: [LinkedNumber(text: tile.value, href: Self.drillHref(cut, measure: tile.id))],
                    denominator: nil, previous: "", previousChange: "", previousTone: "flat", sameLastYear: "",
                    sameLastYearChange: "", sameLastYearTone: "flat", formula: "")
            },
            verification: VerificationCard(
                verified: LinkedNumber(
                    text: String(data.verification.verified), href: Self.drillHref(cut, measure: VerificationFigures.measures.verified)),
                failed: LinkedNumber(text: String(data.verification.failed), href: Self.drillHref(cut, measure: VerificationFigures.measures.failed)),
                checks: LinkedNumber(text: String(data.verification.checks), href: Self.drillHref(cut, measure: VerificationFigures.measures.checks)),
                average: data.verification.averageMinutes.map { DurationText.text(minutes: $0, english: english) } ?? "—",
                isEmpty: data.verification.isEmpty),
            tiles: data.indicators.map(tile), trendBars: trendBars, trendLine: trendLine, trendLabels: trendLabels,
            categoryBars: categoryBars, categoryHeight: Double(categoryBars.count * 26), mapAreas: map.areas, mapViewBox: map.viewBox,
            mapLegend: map.legend,
            hotspots: Array(hotspots), rankingTitle: rankingTitle,
            rankingHeaders: [t("dash_rank"), t("dash_score"), t("dash_counted")], ranking: ranking, tables: tables,
            exportHref: request.principal.role.can(.exportData)
                ? "/api/v1/dashboard/orders.csv?" + Self.query(cut, extra: [("measure", "received")]) : nil,
            reportHref: "/dashboard/reports?kind=monthly&date=\(cut.period.last)&division=\(request.division.value)",
            briefHref: "/dashboard/brief?kind=daily&division=\(request.division.value)")
        return try await req.page(template, title: "dash_title", model: model)
    }
}
