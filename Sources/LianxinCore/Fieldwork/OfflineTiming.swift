import Foundation

/// When a step done on a phone without signal counts (离线补传): the time it was done, within limits against abuse.
/// A step may not claim to be done in the future (beyond the phone's clock skew) nor longer ago than `maximumAge`;
/// a step done before the order's last recorded step counts from that step, so an order's history stays in order and
/// nobody earns time by back-dating past what others already recorded.
public enum OfflineTiming {
    /// How long a phone may keep a step before sending it.
    public static let maximumAge: TimeInterval = 72 * 3_600
    /// How far ahead of the server a phone's clock may run.
    public static let allowedSkew: TimeInterval = 120

    /// Why a done-at time was refused.
    public enum Refusal: Error, Sendable, Hashable {
        case inTheFuture
        case tooOld

        /// The reason for the person, in Chinese or English.
        public func message(english: Bool) -> String {
            switch self {
            case .inTheFuture:
                english ? "The time it was done lies in the future; check the phone's clock." : "办理时间晚于当前时间，请检查手机时间。"
            case .tooOld:
                english ? "Steps kept on the phone for more than 72 hours are no longer accepted." : "手机上保存超过 72 小时的操作不再受理。"
            }
        }
    }

    /// The time the step counts from: `doneAt`, or the order's last step when it was done before it.
    public static func effectiveTime(doneAt: Date, receivedAt: Date, lastStepAt: Date) throws(Refusal) -> Date {
        guard doneAt <= receivedAt.addingTimeInterval(allowedSkew) else { throw .inTheFuture }
        guard receivedAt.timeIntervalSince(doneAt) <= maximumAge else { throw .tooOld }
        return min(max(doneAt, lastStepAt), receivedAt)
    }
}

/// Why a step kept on the phone could not be applied when it was sent, and what the person should do.
public enum OutboxConflict: String, Sendable, Hashable, Codable {
    /// The order is closed, cancelled or merged meanwhile.
    case finished
    /// The order went to another unit (or back to the dispatcher).
    case reassigned
    /// The order moved on to a status where the step does not apply.
    case changed

    /// The conflict given the order's state now and the unit of the person who did the step.
    public static func classify(_ state: WorkOrderState, unitID: UUID?) -> OutboxConflict {
        if state.status.isFinal { return .finished }
        if let unitID, state.departmentID != unitID { return .reassigned }
        return .changed
    }
}
