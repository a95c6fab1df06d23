import Vapor
import Fluent
import LianxinCore

/// The 驾驶舱 (leader dashboard), the department and grid scorecards, the drill-down list and the assessment reports.
/// Every number links to the orders behind it.
struct DashboardPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("dashboard", use: dashboard)
        routes.get("dashboard", "departments", ":id", use: departmentScorecard)
        routes.get("dashboard", "grids", ":code", use: gridScorecard)
        routes.get("dashboard", "orders", use: drillDown)
        routes.get("dashboard", "reports", use: report)
        routes.get("dashboard", "reports.csv", use: reportCSV)
    }

    private static let queryAllowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~,"))

    /// The query string that selects the same cut.
    static func query(_ cut: RollupCut, extra: [(String, String)] = []) -> String {
        var pairs: [(String, String)] = [("period", cut.period.description)]
        if let division = cut.division { pairs.append(("division", division.value)) }
        if let grid = cut.grid { pairs.append(("grid", grid)) }
        if let ids = cut.departmentIDs, ids.count == 1 { pairs.append(("department", ids[0].uuidString)) }
        if let category = cut.categoryPrefix { pairs.append(("category", category)) }
        if let channels = cut.channels { pairs.append(("channel", channels.map(\.rawValue).joined(separator: ","))) }
        if let kinds = cut.requestKinds { pairs.append(("requestKind", kinds.map(\.rawValue).joined(separator: ","))) }
        return (pairs + extra).map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: queryAllowed) ?? $0.1)" }
            .joined(separator: "&")
    }

    static func drillHref(_ cut: RollupCut, measure: String) -> String {
        "/dashboard/orders?" + query(cut, extra: [(measure == "overdueOpen" ? "overdue" : "measure", measure == "overdueOpen" ? "true" : measure)])
    }

    func dashboard(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        let request = try await DashboardRequest.parse(req, principal: principal)
        return try await render(req, request: request, heading: "dash_title", template: "dashboards/cockpit")
    }

    func departmentScorecard(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        var request = try await DashboardRequest.parse(req, principal: principal)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let department = try await Department.find(id, on: req.db),
              request.cut.departmentIDs.map({ $0.contains(id) }) ?? true else {
            throw await req.outOfScope("department", target: "department:\(req.parameters.get("id") ?? "")")
        }
        request.cut.departmentIDs = [id]
        return try await render(req, request: request, heading: department.name, template: "dashboards/scorecard")
    }

    func gridScorecard(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        var request = try await DashboardRequest.parse(req, principal: principal)
        let code = req.parameters.get("code") ?? ""
        guard let grid = try await Grid.query(on: req.db).filter(\.$code == code).filter(\.$validTo == nil).first(),
              principal.canSee(divisionCode: grid.communityCode), let community = DivisionCode(grid.communityCode) else {
            throw await req.outOfScope("grid", target: "grid:\(code)")
        }
        request.cut.grid = code
        request.cut.division = community
        request.division = community
        let staff = try await GridStaffAssignment.query(on: req.db).filter(\.$gridCode == code).filter(\.$validTo == nil).all()
        let names = try await User.query(on: req.db).filter(\.$id ~~ staff.map(\.userID)).all().map(\.displayName)
        let heading = ([grid.name] + names).joined(separator: " · ")
        return try await render(req, request: request, heading: heading, template: "dashboards/scorecard")
    }

    private func render(_ req: Request, request: DashboardRequest, heading: String, template: String) async throws -> Response {
        let english = req.language == .en
        let texts = req.lianxin.localizer.table(req.language)
        func t(_ key: String) -> String { texts[key] ?? key }
        let format = FigureFormat(english: english)
        let scheme = try await DashboardService.scheme(req.query[String.self, at: "scheme"], on: req.db)
        let service = DashboardAPIController.service(req)
        let data = try await service.dashboard(request, scheme: scheme)
        let cut = request.cut
        let definitions = scheme.indicators

        func number(_ measure: String) -> LinkedNumber {
            LinkedNumber(text: String(data.measures[measure] ?? 0), href: Self.drillHref(cut, measure: measure))
        }
        func tile(_ figure: IndicatorFigure) -> KPITile {
            let higher = definitions.definition(of: IndicatorID(rawValue: figure.id) ?? .compositeScore)?.higherIsBetter ?? true
            let previous = format.change(figure.value, figure.previous, unit: figure.unit, higherIsBetter: higher)
            let lastYear = format.change(figure.value, figure.sameLastYear, unit: figure.unit, higherIsBetter: higher)
            return KPITile(
                id: figure.id, name: figure.name, value: format.text(figure.value, unit: figure.unit),
                numerator: figure.numeratorMeasures.map(number), denominator: figure.denominatorMeasure.map(number),
                previous: format.text(figure.previous, unit: figure.unit), previousChange: previous.text, previousTone: previous.tone,
                sameLastYear: format.text(figure.sameLastYear, unit: figure.unit), sameLastYearChange: lastYear.text,
                sameLastYearTone: lastYear.tone, formula: figure.formula)
        }
        func count(_ name: String, _ value: Int, measure: String) -> KPITile {
            KPITile(id: measure, name: name, value: String(value), numerator: [], denominator: nil, previous: "",
                    previousChange: "", previousTone: "flat", sameLastYear: "", sameLastYearChange: "", sameLastYearTone: "flat",
                    formula: "")
        }
        let counts = [count(t("dash_received"), data.received, measure: "received"),
                      count(t("dash_counted"), data.counted, measure: "counted"),
                      count(t("dash_overdue"), data.overdueOpen, measure: "overdueOpen")]

        let trendWidth = 720.0, trendHeight = 160.0
        let columns = ChartGeometry.columns(data.trend.map { ($0.label, Double($0.received)) }, width: trendWidth, height: trendHeight)
        let trendBars = zip(columns, data.trend).map { bar, point in
            ChartMark(x: bar.x, y: bar.y, width: bar.width, height: bar.height, label: point.label, value: String(point.received),
                      href: Self.drillHref(cut.over(Period.custom(from: LocalDate(iso: point.first)!, through: LocalDate(iso: point.last)!)!),
                                           measure: "received"))
        }
        let trendLine = ChartGeometry.line(data.trend.map(\.satisfactionRate), width: trendWidth, height: trendHeight, maximum: 1)
        let step = max(1, data.trend.count / 8)
        let trendLabels = columns.enumerated().filter { $0.offset % step == 0 }.map { _, bar in
            ChartMark(x: bar.x + bar.width / 2, y: trendHeight + 14, width: 0, height: 0,
                      label: String(bar.label.suffix(bar.label.count > 7 ? 5 : 7)), value: "", href: nil)
        }

        let leaves = data.cuts.first { $0.dimension == "leafCategory" }?.rows.prefix(10) ?? []
        let categoryBars = zip(ChartGeometry.rows(leaves.map { ($0.label, Double($0.received)) }, width: 360, rowHeight: 26), leaves).map { bar, row in
            var filtered = cut
            filtered.categoryPrefix = row.key
            return ChartMark(x: bar.x, y: bar.y, width: bar.width, height: bar.height, label: row.label, value: String(row.received),
                             href: Self.drillHref(filtered, measure: "received"), textX: bar.width + 186, textY: bar.y + 14)
        }

        let map = try await ChoroplethMap.build(req, request: request, data: data, english: english)

        let hotspots = try await HotspotsController.latest(for: request.principal, status: "open", req).items
            .filter { request.division.contains(DivisionCode($0.divisionCode) ?? request.division) }
            .prefix(5).map(\.explanation)

        let rankingLevel: String? = switch request.division.level {
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
                let href = rankingLevel == "grid" ? "/dashboard/grids/\(row.code)?period=\(cut.period)" : "/dashboard?division=\(row.code)&period=\(cut.period)"
                return TableRow(label: row.name, href: href, cells: [
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
                let drillable = !(dimension == "division" && row.key.isEmpty) && !(dimension == "grid" && row.key.isEmpty)
                    && !(dimension == "department" && row.key.isEmpty)
                return TableRow(label: row.label, href: href, cells: [
                    LinkedNumber(text: String(row.received), href: drillable ? Self.drillHref(filtered, measure: "received") : nil),
                ] + ["responseRate", "resolutionRate", "satisfactionRate", "onTimeRate"].map {
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
            period: cut.period.description, date: cut.period.first.description,
            kinds: [PeriodKind.day, .week, .month, .quarter, .year].map {
                SelectOption(value: $0.rawValue, label: t("dash_period_\($0.rawValue)"), selected: $0 == kind)
            },
            hidden: [("grid", cut.grid), ("department", cut.departmentIDs?.count == 1 ? cut.departmentIDs?[0].uuidString : nil)]
                .compactMap { name, value in value.map { SelectOption(value: $0, label: name, selected: false) } },
            previousHref: periodHref(previous), nextHref: periodHref(next), counts: counts.enumerated().map { index, tile in
                KPITile(id: tile.id, name: tile.name, value: tile.value,
                        numerator: [LinkedNumber(text: tile.value, href: Self.drillHref(cut, measure: ["received", "counted", "overdueOpen"][index]))],
                        denominator: nil, previous: "", previousChange: "", previousTone: "flat", sameLastYear: "",
                        sameLastYearChange: "", sameLastYearTone: "flat", formula: "")
            },
            tiles: data.indicators.map(tile), trendBars: trendBars, trendLine: trendLine, trendLabels: trendLabels,
            categoryBars: categoryBars, categoryHeight: Double(categoryBars.count * 26), mapAreas: map.areas, mapViewBox: map.viewBox, mapLegend: map.legend,
            hotspots: Array(hotspots), rankingTitle: rankingTitle,
            rankingHeaders: [t("dash_rank"), t("dash_score"), t("dash_counted")], ranking: ranking, tables: tables,
            exportHref: request.principal.role.can(.exportData) ? "/api/v1/dashboard/orders.csv?" + Self.query(cut, extra: [("measure", "received")]) : nil,
            reportHref: "/dashboard/reports?kind=monthly&date=\(cut.period.last)")
        return try await req.page(template, title: "dash_title", model: model)
    }

    func drillDown(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        let request = try await DashboardRequest.parse(req, principal: principal)
        let selection = try DashboardAPIController.DrillDownSelection(req)
        let page = try PageRequest(req)
        var after: (Double, UUID)?
        if let key = page.after, key.count == 2, let created = Double(key[0]), let id = UUID(uuidString: key[1]) { after = (created, id) }
        let total = try await DashboardQueries.count(request.cut, overdueAt: selection.overdueAt, on: req.db, where: selection.includes)
        let listed = try await DashboardQueries.facts(request.cut, overdueAt: selection.overdueAt, after: after,
                                                      limit: page.limit + 1, on: req.db, where: selection.includes)
        let visible = Array(listed.prefix(page.limit))
        let rows = try await DashboardAPIController.orders(visible.map(\.fact.orderID), on: req.db)
        let texts = req.lianxin.localizer.table(req.language)
        let items = visible.compactMap { listed -> DrillDownItemPage? in
            guard let row = rows[listed.fact.orderID] else { return nil }
            return DrillDownItemPage(id: row.id?.uuidString ?? "", number: row.number, title: row.title,
                                     status: WorkOrderStatus(rawValue: row.status)?.title(english: req.language == .en) ?? row.status,
                                     created: ISOTimestamp.format(row.createdAt).prefix(16).replacingOccurrences(of: "T", with: " "))
        }
        let measurePair = selection.overdueAt == nil ? ("measure", selection.name) : ("overdue", "true")
        let next = listed.count > page.limit ? visible.last.map {
            "/dashboard/orders?" + Self.query(request.cut, extra: [measurePair, ("cursor", PageRequest.cursor([String($0.createdAt), $0.fact.orderID.uuidString]))])
        } : nil
        let model = DrillDownPageModel(
            measure: texts["dash_measure_\(selection.name)"] ?? selection.name, count: total, periodLabel: request.cut.period.description,
            divisionName: try await Division.find(request.division.value, on: req.db)?.name ?? request.division.value,
            items: items, nextHref: next,
            exportHref: principal.role.can(.exportData) ? "/api/v1/dashboard/orders.csv?" + Self.query(request.cut, extra: [measurePair]) : nil,
            backHref: "/dashboard?" + Self.query(request.cut))
        return try await req.page("dashboards/orders", title: "dash_orders_title", model: model)
    }

    // MARK: Assessment reports

    /// 一月一督查 (monthly), 一季一评比 (quarterly), 一年一考核 (yearly): every unit of a level with its figures and rank.
    func reportTable(_ req: Request) async throws -> (model: ReportPageModel, csv: [[String]]) {
        let principal = try await req.require(.viewWorkOrders)
        let kindName = req.query[String.self, at: "kind"] ?? "monthly"
        let kinds: [String: PeriodKind] = ["monthly": .month, "quarterly": .quarter, "yearly": .year]
        guard let kind = kinds[kindName] else { throw Problem.invalid(field: "kind", "monthly, quarterly or yearly / 报告类型无效") }
        var request = try await DashboardRequest.parse(req, principal: principal, defaultKind: kind)
        if let date = req.query[String.self, at: "date"], let day = LocalDate(iso: date) {
            request.cut.period = Period.containing(day, kind: kind) ?? request.cut.period
        }
        let level = req.query[String.self, at: "level"] ?? (request.division.level == .community ? "grid" : "department")
        let scheme = try await DashboardService.scheme(req.query[String.self, at: "scheme"], on: req.db)
        let english = req.language == .en
        let texts = req.lianxin.localizer.table(req.language)
        func t(_ key: String) -> String { texts[key] ?? key }
        let table = try await DashboardAPIController.service(req).ranking(level: level, request: request, scheme: scheme)
        let format = FigureFormat(english: english)
        let ids: [IndicatorID] = [.responseRate, .resolutionRate, .satisfactionRate, .onTimeRate, .closureRate, .reopenRate, .extensionRate]
        let headers = [t("dash_rank"), t("dash_unit"), t("dash_code"), t("dash_counted"), t("dash_score")]
            + ids.map { scheme.indicators.definition(of: $0)?.name.text(english: english) ?? $0.rawValue }
        let rows = table.rows.map { row in
            [row.rank.map(String.init) ?? t("dash_standing_\(row.standing)"), row.name, row.code, String(row.orders),
             format.text(row.score, unit: "points")] + ids.map { format.text(row.values[$0.rawValue], unit: "share") }
        }
        let model = ReportPageModel(
            heading: t("dash_report_\(kindName)"), periodLabel: request.cut.period.description, divisionName: table.division.name,
            levelLabel: t("dash_level_\(level)"), formula: table.formula, headers: headers, rows: rows,
            csvHref: "/dashboard/reports.csv?kind=\(kindName)&level=\(level)&division=\(request.division.value)&date=\(request.cut.period.first)",
            choices: kinds.keys.sorted().map { SelectOption(value: $0, label: t("dash_report_\($0)"), selected: $0 == kindName) },
            levels: ["department", "county", "township", "community", "grid"].map { SelectOption(value: $0, label: t("dash_level_\($0)"), selected: $0 == level) },
            date: request.cut.period.first.description,
            generated: ISOTimestamp.format(req.lianxin.now()).prefix(16).replacingOccurrences(of: "T", with: " "))
        return (model, [headers] + rows)
    }

    func report(req: Request) async throws -> Response {
        try await req.page("dashboards/report", title: "dash_report_title", model: try await reportTable(req).model)
    }

    /// The report as CSV (UTF-8 with BOM so Excel reads the Chinese), audited as an export.
    func reportCSV(req: Request) async throws -> Response {
        _ = try await req.require(.exportData)
        let (model, lines) = try await reportTable(req)
        await req.audit(.exported, result: .success, target: "assessment-report", detail: "\(model.heading) \(model.periodLabel) \(model.levelLabel)")
        let text = CSVWriter.byteOrderMark + lines.map(CSVWriter.line).joined()
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"assessment-\(model.periodLabel).csv\"")
        return response
    }
}
