import Vapor
import Fluent
import LianxinCore

/// 热线日报 / 周报: the day's or the week's volume against the one before, the top categories, what ran late, and the
/// hotspots of the latest pass — printable, and as CSV.
extension DashboardPagesController {
    func briefTable(_ req: Request) async throws -> (model: BriefPageModel, csv: [[String]]) {
        let principal = try await req.require(.viewWorkOrders)
        let kindName = req.query[String.self, at: "kind"] ?? "daily"
        let kinds: [String: PeriodKind] = ["daily": .day, "weekly": .week]
        guard let kind = kinds[kindName] else { throw Problem.invalid(field: "kind", "daily or weekly / 简报类型无效") }
        var request = try await DashboardRequest.parse(req, principal: principal, defaultKind: kind)
        if let date = req.query[String.self, at: "date"], let day = LocalDate(iso: date) {
            request.cut.period = Period.containing(day, kind: kind) ?? request.cut.period
        }
        let english = req.language == .en
        let texts = req.lianxin.localizer.table(req.language)
        func t(_ key: String) -> String { texts[key] ?? "" }
        let format = FigureFormat(english: english)
        let cut = request.cut
        let before = cut.over(cut.period.previous)
        async let nowTotals = DashboardQueries.total(cut, on: req.db)
        async let beforeTotals = DashboardQueries.total(before, on: req.db)
        async let categoriesNow = DashboardQueries.totals(cut, by: "category_code", histograms: false, on: req.db)
        async let categoriesBefore = DashboardQueries.totals(before, by: "category_code", histograms: false, on: req.db)
        async let overdue = DashboardQueries.overdueOpen(cut, now: req.lianxin.now(), on: req.db)
        let (current, previous) = (try await nowTotals, try await beforeTotals)
        let settings = try await DashboardService.scheme(nil, on: req.db).indicators

        func countRow(_ key: String, _ value: (RollupCounters) -> Int) -> [String] {
            let a = value(current), b = value(previous)
            return [t("dash_brief_\(key)"), String(a), String(b), a == b ? "±0" : (a > b ? "+\(a - b)" : "−\(b - a)")]
        }
        var volume = [
            countRow("received") { $0.received }, countRow("answered_directly") { $0.answeredDirectly },
            countRow("dispatched") { $0.dispatched }, countRow("completed") { $0.completed }, countRow("closed") { $0.closed },
            countRow("repeats") { $0.repeatLinked }, countRow("cancelled") { $0.cancelled }, countRow("exempted") { $0.exempted },
        ]
        for indicator in settings.orderRatios
        where [.directAnswerRate, .signOnTimeRate, .onTimeRate, .satisfactionRate].contains(indicator.definition.id) {
            let a = indicator.value(of: current).value, b = indicator.value(of: previous).value
            volume.append([
                indicator.definition.name.text(english: english), format.text(a, unit: "share"), format.text(b, unit: "share"),
                format.change(a, b, unit: "share", higherIsBetter: indicator.definition.higherIsBetter).text,
            ])
        }

        let catalog = try await ReferenceData.catalog(req.lianxin.referenceCache, on: req.db)
        let (byCategory, byCategoryBefore) = (try await categoriesNow, try await categoriesBefore)
        let top = byCategory.filter { $0.value.received > 0 }.sorted { ($0.value.received, $1.key) > ($1.value.received, $0.key) }.prefix(10)
        let categories = top.map { code, counters in
            [
                catalog.categories[code]?.name ?? code, String(counters.received),
                format.text(current.received > 0 ? Double(counters.received) / Double(current.received) : nil, unit: "share"),
                String(byCategoryBefore[code]?.received ?? 0),
            ]
        }

        let lateness = [
            [t("dash_brief_overdue_open"), String(try await overdue)],
            [t("dash_brief_signed_late"), String(current[.sign].stopped - current[.sign].met)],
            [t("dash_brief_completed_late"), String(current[.complete].stopped - current[.complete].met)],
        ]

        let hotspots = try await HotspotPresenter.latest(for: principal, status: "open", req).items.prefix(5).map {
            [$0.divisionName, $0.categoryName, String($0.orderCount), $0.explanation]
        }

        let sections = [
            BriefSection(
                id: "volume", title: t("dash_brief_volume"),
                headers: [t("dash_brief_item"), t("dash_brief_this_\(kindName)"), t("dash_brief_last_\(kindName)"), t("dash_brief_change")],
                rows: volume, empty: ""),
            BriefSection(
                id: "categories", title: t("dash_brief_top_categories"),
                headers: [t("dash_brief_category"), t("dash_brief_received"), t("dash_brief_share"), t("dash_brief_last_\(kindName)")],
                rows: categories, empty: t("dash_none")),
            BriefSection(
                id: "lateness", title: t("dash_brief_lateness"), headers: [t("dash_brief_item"), t("dash_brief_orders")], rows: lateness, empty: ""),
            BriefSection(
                id: "hotspots", title: t("dash_brief_hotspots"),
                headers: [t("dash_brief_place"), t("dash_brief_category"), t("dash_brief_orders"), t("dash_brief_explanation")],
                rows: Array(hotspots), empty: t("dash_brief_no_hotspots")),
        ]
        let divisionName = try await Division.find(request.division.value, on: req.db)?.name ?? request.division.value
        let query = "kind=\(kindName)&date=\(cut.period.first)&division=\(request.division.value)"
        let model = BriefPageModel(
            heading: t("dash_brief_\(kindName)"), periodLabel: Self.briefPeriod(cut.period, english: english), divisionName: divisionName,
            sections: sections, csvHref: "/dashboard/brief.csv?\(query)",
            choices: ["daily", "weekly"].map { SelectOption(value: $0, label: t("dash_brief_\($0)"), selected: $0 == kindName) },
            date: cut.period.first.description, divisionCode: request.division.value,
            generated: WorkbenchLookup.beijing(req.lianxin.now()))
        var csv: [[String]] = [[model.heading, divisionName, model.periodLabel]]
        for section in sections { csv += [[], [section.title], section.headers] + section.rows }
        return (model, csv)
    }

    /// "2026年12月7日" or "2026年12月7日—12月13日"; in English the ISO days ("2026-12-07 – 2026-12-13").
    static func briefPeriod(_ period: Period, english: Bool) -> String {
        func day(_ d: LocalDate, year: Bool) -> String {
            let (y, m, dd) = d.components
            return english ? d.description : (year ? "\(y)年" : "") + "\(m)月\(dd)日"
        }
        if period.first == period.last { return day(period.first, year: true) }
        return day(period.first, year: true) + (english ? " – " : "—") + day(period.last, year: english)
    }

    func brief(req: Request) async throws -> Response {
        try await req.page("dashboards/brief", title: "dash_brief_title", model: try await briefTable(req).model)
    }

    /// The brief as CSV (UTF-8 with BOM so Excel reads the Chinese), audited as an export.
    func briefCSV(req: Request) async throws -> Response {
        _ = try await req.require(.exportData)
        let (model, lines) = try await briefTable(req)
        await req.audit(.exported, result: .success, target: "hotline-brief", detail: "\(model.heading) \(model.periodLabel) \(model.divisionCode)")
        let text = CSVWriter.byteOrderMark + lines.map(CSVWriter.line).joined()
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"brief-\(model.date).csv\"")
        return response
    }
}

/// One table of the brief.
struct BriefSection: Encodable, Sendable {
    let id: String
    let title: String
    let headers: [String]
    let rows: [[String]]
    /// What an empty table says instead.
    let empty: String
}

/// 热线日报 / 周报 as the page shows it.
struct BriefPageModel: Encodable, Sendable {
    let heading: String
    let periodLabel: String
    let divisionName: String
    let sections: [BriefSection]
    let csvHref: String
    let choices: [SelectOption]
    let date: String
    let divisionCode: String
    let generated: String
}
