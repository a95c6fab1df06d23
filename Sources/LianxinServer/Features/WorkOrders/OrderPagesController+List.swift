import Vapor
import Fluent
import LianxinCore

extension OrderPagesController {
    func list(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        var lookup = try await WorkbenchLookup.load(req)
        var query = WorkOrderLookup.scoped(principal, on: req.db)
        let status = req.query[String.self, at: "status"] ?? ""
        if !status.isEmpty {
            guard WorkOrderStatus(rawValue: status) != nil else { throw Problem.invalid(field: "status", "unknown status / 状态无效") }
            query = query.filter(\.$status == status)
        }
        let category = req.query[String.self, at: "category"] ?? ""
        if !category.isEmpty { query = query.filter(\.$categoryCode, .custom("LIKE"), category.filter(\.isNumber) + "%") }
        let overdueOnly = req.query[String.self, at: "overdue"] == "true"
        if overdueOnly { query = query.overdue(at: lookup.now) }
        let grid = req.query[String.self, at: "grid"] ?? ""
        if !grid.isEmpty { query = query.filter(\.$gridCode == grid) }
        if req.query[String.self, at: "open"] == "true" {
            query = query.filter(\.$status ~~ WorkOrderStatus.allCases.filter(\.isOpen).map(\.rawValue))
        }
        let q = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        if !q.isEmpty {
            // A tracking code, an order number or a caller's phone (an 11-digit mobile is all digits too, so
            // a number is tried as both), else words of the title.
            let phone = try? PhoneNumber(parsing: q)
            let number = q.allSatisfy(\.isNumber) && q.count >= 8 ? q : nil
            if let code = TrackingCode.normalized(q) {
                query = query.filter(\.$trackingCode == code)
            } else if phone != nil || number != nil {
                let index = phone.map { req.lianxin.cipher.blindIndex($0.value) }
                query = query.group(.or) { either in
                    if let number { either.filter(\.$number == number) }
                    if let index { either.filter(\.$requesterPhoneIndex == index) }
                }
            } else {
                query = query.filter(\.$title, .custom("LIKE"), "%" + q.replacingOccurrences(of: "%", with: "") + "%")
            }
        }
        let rows = try await query.sort(\.$createdAt, .descending).sort(\.$id, .descending).limit(200).allOrders()
        try await lookup.loadDivisions(of: rows.map(\.divisionCode), on: req.db)
        let statuses = WorkOrderStatus.allCases.map { SelectOption(value: $0.rawValue, label: $0.title(english: lookup.english)) }
        let tops = lookup.catalog.categories.values.filter { $0.parentCode == nil && $0.active }
            .compactMap { c in c.id.map { SelectOption(value: $0, label: c.name) } }.sorted { $0.value < $1.value }
        let model = ListModel(
            orders: try rows.map { try lookup.summary($0) }, statuses: statuses.selecting(status),
            categories: tops.selecting(category), q: q, grid: grid, overdueOnly: overdueOnly, count: rows.count)
        return try await req.page("workorders/orders", title: "wb_orders", model: model)
    }
}
