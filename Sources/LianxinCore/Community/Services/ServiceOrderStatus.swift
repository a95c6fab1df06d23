/// Where a service order (居民点单) stands: ordered by or for a resident, assigned by the community (社区派单),
/// taken by a volunteer or party member (党员接单), completed, evaluated by the resident; or cancelled.
public enum ServiceOrderStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case ordered, assigned, taken, completed, evaluated, cancelled

    /// Whether nothing more can happen to the order.
    public var isFinal: Bool { self == .evaluated || self == .cancelled }

    /// Whether the service was delivered (completed, with or without the resident's evaluation).
    public var isDone: Bool { self == .completed || self == .evaluated }

    /// The status's name for people.
    public func title(_ language: DisplayLanguage) -> String {
        let english = language == .en
        switch self {
        case .ordered: return english ? "Ordered" : "待派单"
        case .assigned: return english ? "Assigned" : "待接单"
        case .taken: return english ? "Taken" : "服务中"
        case .completed: return english ? "Completed" : "待评价"
        case .evaluated: return english ? "Evaluated" : "已评价"
        case .cancelled: return english ? "Cancelled" : "已取消"
        }
    }
}
