import Foundation

/// Why an action on a service order was refused.
public enum ServiceOrderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The action does not apply in the order's status (e.g. taking an order twice).
    case notAllowedInStatus(action: String, status: ServiceOrderStatus)
    /// Only the volunteer the order is assigned to may take, decline or complete it.
    case notTheAssignee(action: String)
    /// The action needs a reason or note, and none was given.
    case textRequired(action: String)

    /// The input field at fault, for problem responses.
    public var field: String {
        switch self {
        case .notAllowedInStatus: "/status"
        case .notTheAssignee: "/volunteerId"
        case .textRequired(let action): action == "complete" ? "/note" : "/reason"
        }
    }

    public var description: String {
        switch self {
        case .notAllowedInStatus(let action, let status):
            "cannot \(action) a service order that is \(status.rawValue) / 当前状态（\(status.title(.zhCN))）不能执行此操作"
        case .notTheAssignee(let action):
            "only the volunteer the order is assigned to may \(action) it / 只有被派单的志愿者可以操作"
        case .textRequired(let action):
            "\(action) needs a reason or note / 请填写说明"
        }
    }
}
