import Vapor
import Fluent
import LianxinCore

extension DashboardPagesController {
    /// The orders behind one figure, a page at a time.
    func drillDown(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        let request = try await DashboardRequest.parse(req, principal: principal)
        let selection = try DashboardAPIController.DrillDownSelection(req)
        let page = try PageRequest(req)
        var after: (Double, UUID)?
        if let key = page.after, key.count == 2, let created = Double(key[0]), let id = UUID(uuidString: key[1]) { after = (created, id) }
        let total = try await DashboardQueries.count(request.cut, overdueAt: selection.overdueAt, on: req.db, where: selection.includes)
        let listed = try await DashboardQueries.facts(
            request.cut, overdueAt: selection.overdueAt, after: after,
            limit: page.limit + 1, on: req.db, where: selection.includes)
        let visible = Array(listed.prefix(page.limit))
        let rows = try await DashboardQueries.orders(visible.map(\.fact.orderID), on: req.db)
        let texts = req.lianxin.localizer.table(req.language)
        let items = visible.compactMap { listed -> DrillDownItemPage? in
            guard let row = rows[listed.fact.orderID] else { return nil }
            return DrillDownItemPage(
                id: row.id?.uuidString ?? "", number: row.number, title: row.title,
                status: WorkOrderStatus(rawValue: row.status)?.title(english: req.language == .en) ?? row.status,
                created: WorkbenchLookup.beijing(row.createdAt),
                exemptionReason: listed.fact.exemptionKind?.title(english: req.language == .en))
        }
        let measurePair = selection.overdueAt == nil ? ("measure", selection.name) : ("overdue", "true")
        let next =
            listed.count > page.limit
            ? visible.last.map {
                "/dashboard/orders?"
                    + Self.query(
                        request.cut, extra: [measurePair, ("cursor", PageRequest.cursor([String($0.createdAt), $0.fact.orderID.uuidString]))])
            } : nil
        let model = DrillDownPageModel(
            measure: Self.measureLabel(selection.name, texts: texts, english: req.language == .en),
            showsReason: items.contains { $0.exemptionReason != nil }, count: total, periodLabel: request.cut.period.description,
            divisionName: try await Division.find(request.division.value, on: req.db)?.name ?? request.division.value,
            items: items, nextHref: next,
            exportHref: principal.role.can(.exportData) ? "/api/v1/dashboard/orders.csv?" + Self.query(request.cut, extra: [measurePair]) : nil,
            backHref: "/dashboard?" + Self.query(request.cut))
        return try await req.page("dashboards/orders", title: "dash_orders_title", model: model)
    }

    /// What a measure counts, for people: its own text, or for a stage measure (`sign.met`) the stage's name in the
    /// sentence of what is counted of its clocks.
    static func measureLabel(_ name: String, texts: [String: String], english: Bool) -> String {
        if let text = texts["dash_measure_\(name)"] { return text }
        if let (stage, count) = RollupMeasure(name)?.stageCount, let text = texts["dash_measure_stage_\(count.rawValue)"] {
            return text.replacingOccurrences(of: "{stage}", with: stage.title(english: english))
        }
        return texts["dash_orders_title"] ?? ""
    }
}
