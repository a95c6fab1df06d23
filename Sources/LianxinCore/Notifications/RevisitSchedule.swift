import Foundation

/// The automated revisit (回访) of a completed order: an SMS invitation at once, one reminder after
/// `reminderDays` without an answer, and after `queueDays` the order goes to the operators' revisit
/// queue (they call). The link expires after `linkDays`.
public struct RevisitSchedule: Sendable, Equatable {
    public var reminderDays: Int
    public var queueDays: Int
    public var linkDays: Int

    public init(reminderDays: Int = 2, queueDays: Int = 5, linkDays: Int = 7) {
        self.reminderDays = reminderDays
        self.queueDays = queueDays
        self.linkDays = max(linkDays, queueDays)
    }

    /// What is due for an invitation sent at `invitedAt` with no answer yet.
    public func due(invitedAt: Date, reminded: Bool, queued: Bool, now: Date) -> Step? {
        let days = now.timeIntervalSince(invitedAt) / 86_400
        if !queued, days >= Double(queueDays) { return .queue }
        if !reminded, !queued, days >= Double(reminderDays) { return .remind }
        return nil
    }

    /// When the link of an invitation sent at `invitedAt` stops working.
    public func expiry(invitedAt: Date) -> Date { invitedAt.addingTimeInterval(Double(linkDays) * 86_400) }

    public enum Step: String, Sendable { case remind, queue }
}

/// How an evaluation reached us: by the resident's link, by an operator's call, or by the phone keypad (IVR).
public enum EvaluationChannel: String, Sendable, CaseIterable, Codable {
    case link, `operator`, keypad
}
