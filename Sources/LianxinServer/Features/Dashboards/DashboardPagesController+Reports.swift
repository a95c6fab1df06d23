import Vapor
import Fluent
import LianxinCore

/// The assessment reports and their CSV.
extension DashboardPagesController {
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
        let table = try await DashboardService(req).ranking(level: level, request: request, scheme: scheme)
        let format = FigureFormat(english: english)
        let ids: [IndicatorID] = [
            .responseRate, .signOnTimeRate, .resolutionRate, .satisfactionRate, .onTimeRate, .closureRate, .reopenRate, .extensionRate,
            .returnRate,
        ]
        let headers =
            [t("dash_rank"), t("dash_unit"), t("dash_code"), t("dash_counted"), t("dash_exempted"), t("dash_score")]
            + ids.map { scheme.indicators.definition(of: $0)?.name.text(english: english) ?? $0.rawValue }
        // A unit's row carries its id; people read the unit's own code (XZ-CG), as the units list shows it.
        let unitCodes =
            level == "department"
            ? Dictionary(
                try await Department.query(on: req.db).filter(\.$id ~~ table.rows.compactMap { UUID(uuidString: $0.code) }).all()
                    .compactMap { unit in unit.id.map { ($0.uuidString, unit.code) } }, uniquingKeysWith: { first, _ in first }) : [:]
        let rows = table.rows.map { row in
            [
                row.rank.map(String.init) ?? t("dash_standing_\(row.standing)"), row.name,
                unitCodes[UUID(uuidString: row.code)?.uuidString ?? row.code] ?? row.code, String(row.orders), String(row.exempted),
                format.text(row.score, unit: "points"),
            ] + ids.map { format.text(row.values[$0.rawValue], unit: "share") }
        }
        let model = ReportPageModel(
            heading: t("dash_report_\(kindName)"), periodLabel: request.cut.period.description, divisionName: table.division.name,
            levelLabel: t("dash_level_\(level)"), formula: table.formula, headers: headers, rows: rows,
            csvHref: "/dashboard/reports.csv?kind=\(kindName)&level=\(level)&division=\(request.division.value)&date=\(request.cut.period.first)",
            choices: kinds.keys.sorted().map { SelectOption(value: $0, label: t("dash_report_\($0)"), selected: $0 == kindName) },
            levels: ["department", "county", "township", "community", "grid"].map {
                SelectOption(value: $0, label: t("dash_level_\($0)"), selected: $0 == level)
            },
            date: request.cut.period.first.description,
            generated: WorkbenchLookup.beijing(req.lianxin.now()), divisionCode: request.division.value)
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
