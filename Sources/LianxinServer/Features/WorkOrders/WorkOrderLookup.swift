import Vapor
import Fluent
import LianxinCore
import FluentSQL

/// Finding work orders within the principal's scope, for every feature that shows or links an order
/// (work orders, attachments, grids, whistles, hotspots): the one place order visibility is decided.
enum WorkOrderLookup {
    /// Orders the principal may see: their department's (as lead or assisting unit), or those in their division subtree.
    static func scoped(_ principal: Principal, on db: any Database) -> QueryBuilder<WorkOrder> {
        let query = WorkOrder.query(on: db)
        if principal.role.requiresDepartment, let department = principal.departmentID {
            return query.group(.or) {
                $0.filter(\.$departmentID == department).filter(.sql(embed: AssistProjection.assistedBy(department)))
            }
        }
        return query.within(\.$divisionCode, principal.division)
    }

    /// The order if the principal may see it (their department's, or in their division); otherwise 404.
    static func find(_ raw: String?, for principal: Principal, on req: Request) async throws -> WorkOrder {
        guard let raw, let id = UUID(uuidString: raw) else { throw Problem.notFound("work order") }
        guard let order = try await WorkOrder.find(id, on: req.db) else { throw Problem.notFound("work order") }
        let visible: Bool
        if principal.role.requiresDepartment, let department = principal.departmentID {
            // The lead unit's, or one the unit assists on (协办).
            let assists = try await WorkOrderAssist.query(on: req.db).filter(\.$orderID == id).filter(\.$departmentID == department).count()
            visible = order.departmentID == department || assists > 0
        } else if principal.role.requiresDepartment {
            visible = false
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
