import Vapor
import Fluent
import SQLKit
import LianxinCore

/// The orders behind a figure: the drill-down list and its CSV export.
extension DashboardAPIController {
    /// The orders behind a figure: `measure` (e.g. `closed`, `sign.met`, `counted`) or `overdue=true`.
    struct DrillDownSelection {
        let name: String
        let overdueAt: Date?
        let includes: @Sendable (OrderFact) -> Bool

        init(_ req: Request) throws {
            if let overdue = req.query[String.self, at: "overdue"], overdue == "true" {
                name = "overdueOpen"
                let now = req.lianxin.now()
                overdueAt = now
                includes = { $0.isOverdue(at: now) }
                return
            }
            guard let text = req.query[String.self, at: "measure"], let measure = RollupMeasure(text) else {
                throw Problem.invalid(
                    field: "measure", "choose one of the options offered / 指标口径无效")
            }
            name = measure.description
            overdueAt = nil
            includes = { measure.includes($0) }
        }
    }

    func drillDown(req: Request) async throws -> DrillDownDTO {
        let principal = try await req.require(.viewWorkOrders)
        let request = try await DashboardRequest.parse(req, principal: principal)
        let selection = try DrillDownSelection(req)
        let page = try PageRequest(req)
        var after: (Double, UUID)?
        if let key = page.after {
            guard key.count == 2, let created = Double(key[0]), let id = UUID(uuidString: key[1]) else {
                throw Problem.invalid(field: "cursor", "is not a cursor this server issued / 游标无效")
            }
            after = (created, id)
        }
        async let total = DashboardQueries.count(request.cut, overdueAt: selection.overdueAt, on: req.db, where: selection.includes)
        let listed = try await DashboardQueries.facts(
            request.cut, overdueAt: selection.overdueAt, after: after,
            limit: page.limit + 1, on: req.db, where: selection.includes)
        let visible = Array(listed.prefix(page.limit))
        let rows = try await DashboardQueries.orders(visible.map(\.fact.orderID), on: req.db)
        let items = visible.compactMap { listed in rows[listed.fact.orderID].map(Self.item) }
        let next = listed.count > page.limit ? visible.last.map { PageRequest.cursor([String($0.createdAt), $0.fact.orderID.uuidString]) } : nil
        return DrillDownDTO(measure: selection.name, count: try await total, items: items, nextCursor: next)
    }

    static func item(_ row: WorkOrder) -> DrillDownItem {
        DrillDownItem(
            id: row.id ?? UUID(), number: row.number, title: row.title, status: row.status, createdAt: row.createdAt,
            divisionCode: row.divisionCode, categoryCode: row.categoryCode)
    }

    /// The orders behind a figure as CSV (UTF-8 with BOM), streamed: facts are read by keyset pages and each page's
    /// lines are written before the next is read, so memory stays flat however many orders there are. Audited.
    func export(req: Request) async throws -> Response {
        let principal = try await req.require(.exportData)
        let request = try await DashboardRequest.parse(req, principal: principal)
        let selection = try DrillDownSelection(req)
        await req.audit(
            .exported, result: .success, target: "dashboard-orders",
            detail: "\(selection.name) \(request.cut.period) \(request.division.value)")
        let db = req.db
        let cut = request.cut
        let english = req.language == .en
        let catalog = try await ReferenceData.catalog(req.lianxin.referenceCache, on: db)
        let departments = Dictionary(
            try await Department.query(on: db).all().map { ($0.id?.uuidString ?? "", $0.name) },
            uniquingKeysWith: { a, _ in a })
        let response = Response(
            status: .ok,
            body: .init(asyncStream: { writer in
                do {
                    let header =
                        english
                        ? ["number", "created", "status", "division", "category", "unit", "title"]
                        : ["工单编号", "受理时间", "状态", "区划", "分类", "承办单位", "标题"]
                    try await writer.write(.buffer(ByteBuffer(string: CSVWriter.byteOrderMark + CSVWriter.line(header))))
                    var after: (Double, UUID)?
                    while true {
                        let page = try await DashboardQueries.facts(
                            cut, overdueAt: selection.overdueAt, after: after, limit: 500,
                            on: db, where: selection.includes)
                        let rows = try await DashboardQueries.orders(page.map(\.fact.orderID), on: db)
                        var text = ""
                        for listed in page {
                            guard let row = rows[listed.fact.orderID] else { continue }
                            text += CSVWriter.line([
                                row.number, WorkbenchLookup.beijing(row.createdAt),
                                WorkOrderStatus(rawValue: row.status)?.title(english: english) ?? row.status, row.divisionCode,
                                catalog.categories[row.categoryCode]?.name ?? row.categoryCode,
                                row.departmentID.flatMap { departments[$0.uuidString] } ?? "", row.title,
                            ])
                        }
                        if !text.isEmpty { try await writer.write(.buffer(ByteBuffer(string: text))) }
                        guard page.count == 500, let last = page.last else { break }
                        after = (last.createdAt, last.fact.orderID)
                    }
                    try await writer.write(.end)
                } catch {
                    try await writer.write(.error(error))
                }
            }))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"orders-\(selection.name)-\(cut.period).csv\"")
        return response
    }
}
