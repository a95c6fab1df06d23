import Vapor
import Fluent
import NIOConcurrencyHelpers
import LianxinCore

extension DeskPagesController {
    func inbox(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        var lookup = try await WorkbenchLookup.load(req)
        var active: [WorkOrder] = []
        var recent: [WorkOrder] = []
        if let department = principal.departmentID {
            active = try await WorkOrder.query(on: req.db).filter(\.$departmentID == department)
                .filter(\.$status ~~ Self.handling.map(\.rawValue)).sort(\.$createdAt).limit(200).allOrders()
            recent = try await WorkOrder.query(on: req.db).filter(\.$departmentID == department)
                .filter(\.$status ~~ ["completed", "reviewed", "evaluated", "closed"]).sort(\.$updatedAt, .descending).limit(20).allOrders()
        } else {
            // Staff without a unit (grid members, community staff): what they filed themselves.
            recent = try await WorkOrderLookup.scoped(principal, on: req.db).filter(\.$createdBy == principal.userID)
                .sort(\.$createdAt, .descending).limit(50).allOrders()
        }
        try await lookup.loadDivisions(of: (active + recent).map(\.divisionCode), on: req.db)
        let summaries = try active.map { try lookup.summary($0) }
            .sorted { ($0.dueAt.isEmpty ? "9" : $0.dueAt) < ($1.dueAt.isEmpty ? "9" : $1.dueAt) }
        return try await req.page(
            "workorders/inbox", title: "wb_inbox",
            model: InboxModel(
                active: summaries, recent: try recent.map { try lookup.summary($0) },
                hasDepartment: principal.departmentID != nil))
    }

    func supervision(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        guard [.supervisor, .leader, .dispatcher].contains(principal.role) else {
            throw await req.outOfScope("supervision", target: "page:/supervision")
        }
        var lookup = try await WorkbenchLookup.load(req)
        let open = WorkOrderStatus.allCases.filter(\.isOpen).map(\.rawValue)
        // Overdue and due soon by `DueStatus`, the definition the order list, the queue and the dashboard use.
        let overdue = try await WorkOrderLookup.scoped(principal, on: req.db).overdue(at: lookup.now).filter(\.$status ~~ open)
            .sort(\.$overdueAfter).limit(100).allOrders()
        let overdueCount = try await WorkOrderLookup.scoped(principal, on: req.db).overdue(at: lookup.now).filter(\.$status ~~ open).count()
        let warning = try await WorkOrderLookup.scoped(principal, on: req.db).dueSoon(at: lookup.now).filter(\.$status ~~ open)
            .sort(\.$overdueAfter).limit(100).allOrders()
        let supervised = try await WorkOrderLookup.scoped(principal, on: req.db).filter(\.$supervisionLevel > 0).filter(\.$status ~~ open)
            .sort(\.$createdAt, .descending).limit(100).allOrders()
        let shelved = try await WorkOrderLookup.scoped(principal, on: req.db).filter(\.$status == "shelved")
            .sort(\.$createdAt, .descending).limit(50).allOrders()
        try await lookup.loadDivisions(of: (overdue + warning + supervised + shelved).map(\.divisionCode), on: req.db)
        let model = SupervisionModel(
            overdueCount: overdueCount, overdue: try overdue.map { try lookup.summary($0) }, warning: try warning.map { try lookup.summary($0) },
            supervised: try supervised.map { try lookup.summary($0) }, shelved: try shelved.map { try lookup.summary($0) })
        return try await req.page("workorders/supervision", title: "wb_supervision", model: model)
    }
}
