import Foundation

/// The service order's small lifecycle (居民点单 → 社区派单 → 党员接单 → 完成 → 评价) as a pure function.
///
/// It is kept apart from `WorkOrderMachine` on purpose: a work order is dispatched to a *department* whose staff
/// sign it under SLA clocks and whose results count in the 12345 indicators, while a service order is handed to a
/// *person* (a volunteer or party member without an account), has no statutory time limit, and must not count in
/// the hotline's 三率. What the two share — the resident's `Evaluation` and the tracking code — is reused.
public enum ServiceOrderMachine {
    /// The order's status and assignee after `action`, or why not.
    public static func apply(
        _ action: ServiceOrderAction, status: ServiceOrderStatus, assignee: UUID?
    ) throws(ServiceOrderError) -> (status: ServiceOrderStatus, assignee: UUID?) {
        let name = action.name
        func require(_ allowed: Set<ServiceOrderStatus>) throws(ServiceOrderError) {
            guard allowed.contains(status) else { throw .notAllowedInStatus(action: name, status: status) }
        }
        func requireAssignee(_ volunteerID: UUID) throws(ServiceOrderError) {
            guard assignee == volunteerID else { throw .notTheAssignee(action: name) }
        }
        switch action {
        case .assign(let volunteerID):
            try require([.ordered, .assigned])
            return (.assigned, volunteerID)
        case .take(let volunteerID):
            try require([.assigned])
            try requireAssignee(volunteerID)
            return (.taken, volunteerID)
        case .decline(let volunteerID, let reason):
            try require([.assigned, .taken])
            try requireAssignee(volunteerID)
            guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .textRequired(action: name) }
            return (.ordered, nil)
        case .complete(let note):
            try require([.taken])
            guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .textRequired(action: name) }
            return (.completed, assignee)
        case .evaluate:
            try require([.completed])
            return (.evaluated, assignee)
        case .cancel(let reason):
            try require([.ordered, .assigned])
            guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .textRequired(action: name) }
            return (.cancelled, assignee)
        }
    }
}
