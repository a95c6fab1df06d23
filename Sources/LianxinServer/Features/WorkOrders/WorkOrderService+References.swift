import Vapor
import Fluent
import LianxinCore

extension WorkOrderService {
    /// Who asks for a step: a signed-in staff member (whose scope bounds every object the step
    /// names), a resident on their own order, or Lianxin itself.
    enum Acting: Sendable {
        case staff(Principal)
        case resident(id: UUID? = nil)
        case system
        /// Lianxin's own code acting as `actor` (imports of history, simulations): what the step
        /// names is checked against the order only, as there is no signed-in scope.
        case unscoped(WorkOrderActor)

        var actor: WorkOrderActor {
            switch self {
            case .staff(let principal): principal.workOrderActor
            case .resident(let id): .resident(id: id)
            case .system: .system
            case .unscoped(let actor): actor
            }
        }

        var principal: Principal? {
            if case .staff(let principal) = self { return principal }
            return nil
        }
    }

    /// Checks every object `action` names besides the order itself, which the caller found in the
    /// actor's scope: a parent order must be one the actor may see, a unit one that may serve the
    /// order's division and the actor's, an assignee an active member of the order's unit, a photo
    /// one uploaded to this order. A reference out of scope is answered like a missing one.
    func checkReferences(of action: WorkOrderAction, order row: WorkOrder, by acting: Acting) async throws {
        if case .merge(let parentID, _) = action {
            var query = WorkOrder.query(on: database)
            if let principal = acting.principal { query = WorkOrderLookup.scoped(principal, on: database) }
            guard parentID != row.id, let parent = try await query.filter(\.$id == parentID).first(),
                try Self.decodeState(parent).acceptsMergedChildren
            else {
                throw Problem.conflict("The parent order does not exist or is finished / 主工单不存在或已结束", field: "/parentId")
            }
        }
        if case .dispatch(let departmentID) = action.departmentTarget ?? .none {
            guard let division = DivisionCode(row.divisionCode),
                try await DepartmentLookup.usable([departmentID], division: division, for: acting.principal, on: database) != nil
            else {
                throw Problem.invalid(field: "/departmentId", "unknown department / 部门不存在或不承办本辖区工单")
            }
        }
        // Assisting units (协办) must exist and be units this dispatcher may send the order's division's work to.
        var assists: [UUID] = []
        if case .dispatch(_, _, let ids) = action { assists = ids }
        if case .addAssists(let ids, _) = action { assists = ids }
        if case .decideAssistRelease(let id, _, _) = action { assists = [id] }
        if case .waiveAssist(let id, _) = action { assists = [id] }
        if !assists.isEmpty {
            guard let division = DivisionCode(row.divisionCode),
                try await DepartmentLookup.usable(assists, division: division, for: acting.principal, on: database) != nil
            else {
                throw Problem.invalid(field: "/assistDepartmentIds", "unknown assisting unit / 协办单位不存在或不承办本辖区工单")
            }
        }
        if case .assign(let assigneeID) = action {
            let assignee = try await User.find(assigneeID, on: database)
            guard let assignee, assignee.active, let unit = row.departmentID, assignee.$department.id == unit else {
                throw Problem.invalid(field: "/assigneeId", "not a member of the handling unit / 不是承办单位的人员")
            }
        }
        if let photoIDs = action.photoIDs, !photoIDs.isEmpty {
            let found = try await Attachment.query(on: database).filter(\.$orderID == row.requireID()).filter(\.$id ~~ photoIDs).count()
            guard found == Set(photoIDs).count else {
                throw Problem.invalid(field: "/photoIds", "every photo must first be uploaded to this order / 照片须先上传到本工单")
            }
        }
    }
}
