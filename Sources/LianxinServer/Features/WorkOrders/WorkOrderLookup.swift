import Vapor
import Fluent
import LianxinCore

/// Finding work orders within the principal's scope, for every feature that shows or links an order
/// (work orders, attachments, grids, whistles, hotspots): the one place order visibility is decided.
enum WorkOrderLookup {
    /// Orders the principal may see: their department's, or those in their division subtree.
    static func scoped(_ principal: Principal, on db: any Database) -> QueryBuilder<WorkOrder> {
        let query = WorkOrder.query(on: db)
        if principal.role.requiresDepartment, let department = principal.departmentID {
            return query.filter(\.$departmentID == department)
        }
        return query.within(\.$divisionCode, principal.division)
    }

    /// The order if the principal may see it (their department's, or in their division); otherwise 404.
    static func find(_ raw: String?, for principal: Principal, on req: Request) async throws -> WorkOrder {
        guard let raw, let id = UUID(uuidString: raw) else { throw Problem.notFound("work order") }
        guard let order = try await WorkOrder.find(id, on: req.db) else { throw Problem.notFound("work order") }
        let visible: Bool
        if principal.role.requiresDepartment {
            visible = order.departmentID != nil && order.departmentID == principal.departmentID
        } else {
            visible = principal.canSee(divisionCode: order.divisionCode)
        }
        guard visible else { throw await req.outOfScope("work order", target: "work-order:\(order.number)") }
        return order
    }

    /// The order as the API answers with it, its clocks computed with the work calendar.
    static func dto(_ order: WorkOrder, _ req: Request) async throws -> WorkOrderDTO {
        try WorkOrderDTO(
            order, cipher: req.lianxin.cipher, calendar: try await ReferenceData.calendar(req.lianxin.referenceCache, on: req.db),
            now: req.lianxin.now())
    }
}
