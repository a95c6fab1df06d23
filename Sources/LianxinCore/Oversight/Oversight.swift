/// 小微权力监督 (#24): the rules of the two supervision practices, as guard tables and small calculations.
///
/// - 监督一点通: a resident's confidential report about an official's conduct, handled by the discipline commission only:
///   received → accepted or not accepted (with a reason) → under verification → concluded with a finding and a reply.
/// - 巡察移交 (立行立改): an inspection group hands a problem it found to a township or village with a deadline; the
///   township replies with what was done and its proof; the group accepts it as rectified (整改到位) or returns it.
public enum Oversight {
    // MARK: 监督一点通

    /// Where a confidential report stands.
    public enum ReportStatus: String, Sendable, CaseIterable, Codable {
        case received, accepted, declined, verifying, concluded
    }

    /// What the discipline inspector does with a report.
    public enum ReportAction: String, Sendable, CaseIterable, Codable {
        /// 受理.
        case accept
        /// 不予受理, with a reason the reporter reads.
        case decline
        /// 开始核实.
        case verify
        /// 办结 with a finding and a reply the reporter reads.
        case conclude
    }

    /// What the verification found.
    public enum Finding: String, Sendable, CaseIterable, Codable {
        case substantiated, partly, unsubstantiated
    }

    /// The guard table: from which status each action may be taken, and where it leads.
    public static let reportTransitions: [ReportAction: (from: Set<ReportStatus>, to: ReportStatus)] = [
        .accept: ([.received], .accepted),
        .decline: ([.received], .declined),
        .verify: ([.accepted], .verifying),
        .conclude: ([.accepted, .verifying], .concluded),
    ]

    /// The status after `action`, or nil when the action is not allowed now.
    public static func apply(_ action: ReportAction, to status: ReportStatus) -> ReportStatus? {
        guard let rule = reportTransitions[action], rule.from.contains(status) else { return nil }
        return rule.to
    }

    /// Whether a report is still being handled.
    public static func isOpen(_ status: ReportStatus) -> Bool { status != .declined && status != .concluded }

    // MARK: 巡察移交

    /// Where an inspection handover stands.
    public enum HandoverStatus: String, Sendable, CaseIterable, Codable {
        /// 已移交: waiting for the township's rectification.
        case handedOver
        /// 已反馈: the township replied with what it did and its proof.
        case replied
        /// 整改到位: the group accepted the rectification.
        case rectified
        /// 退回: the group returned the reply; the township must do more.
        case returned
    }

    /// What is done with a handover, and by whom.
    public enum HandoverAction: String, Sendable, CaseIterable, Codable {
        /// The township replies (what was done, proof).
        case reply
        /// The group accepts the rectification.
        case accept
        /// The group returns the reply with a reason.
        case `return`

        /// Whether the inspection group takes this step (else the township does).
        public var byGroup: Bool { self != .reply }
    }

    public static let handoverTransitions: [HandoverAction: (from: Set<HandoverStatus>, to: HandoverStatus)] = [
        .reply: ([.handedOver, .returned], .replied),
        .accept: ([.replied], .rectified),
        .return: ([.replied], .returned),
    ]

    public static func apply(_ action: HandoverAction, to status: HandoverStatus) -> HandoverStatus? {
        guard let rule = handoverTransitions[action], rule.from.contains(status) else { return nil }
        return rule.to
    }

    /// A handover not yet rectified whose deadline has passed (the deadline day itself is still on time).
    public static func isOverdue(status: HandoverStatus, deadline: LocalDate, today: LocalDate) -> Bool {
        status != .rectified && today > deadline
    }

    /// A rectified handover counts as on time when the township's last reply came no later than the deadline.
    public static func isOnTime(lastReply: LocalDate?, deadline: LocalDate) -> Bool {
        guard let lastReply else { return false }
        return lastReply <= deadline
    }

    /// Whole percent of `part` in `whole`, rounded half up; nil when there is nothing to count.
    public static func percent(_ part: Int, of whole: Int) -> Int? {
        guard whole > 0 else { return nil }
        return (part * 200 + whole) / (whole * 2)
    }

    /// The `count` months ending with `today`'s month, oldest first, as `YYYY-MM`.
    public static func months(endingWith today: LocalDate, count: Int) -> [String] {
        var (year, month) = (today.year, today.components.month)
        var out: [String] = []
        for _ in 0..<max(count, 0) {
            out.append(month < 10 ? "\(year)-0\(month)" : "\(year)-\(month)")
            month -= 1
            if month == 0 {
                month = 12
                year -= 1
            }
        }
        return out.reversed()
    }
}
