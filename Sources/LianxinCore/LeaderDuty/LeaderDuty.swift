/// 我陪群众走流程 (上饶): county leaders take turns at the service windows, once as an applicant going through a
/// matter like any resident (以群众身份办事) and once sitting at the window as its staff (以窗口人员身份坐班); what
/// they find becomes a rectification task with an owner unit and a deadline ("陪办业务288件，收集并推动整改各类问题数十项").
public enum LeaderDuty {
    /// How the leader took part in a session.
    public enum SessionRole: String, Sendable, CaseIterable, Codable {
        /// 以群众身份办事: went through the matter as an applicant.
        case asApplicant
        /// 以窗口人员身份坐班: sat at the window as its staff.
        case asStaff
    }

    /// Where a rectification task stands.
    public enum TaskStatus: String, Sendable, CaseIterable, Codable {
        /// Found, waiting for the owner unit (待整改).
        case open
        /// The owner unit reports what it did (已整改).
        case rectified
        /// The supervising office checked and accepts it (已销号).
        case confirmed
    }

    /// What may be done to a task.
    public enum TaskAction: String, Sendable, CaseIterable, Codable {
        /// The owner unit reports what was done.
        case rectify
        /// The supervising office accepts the rectification.
        case confirm
        /// The supervising office sends it back: not good enough.
        case reopen
    }

    /// The guard table: from which status each action is allowed, and where it leads.
    public static let transitions: [TaskAction: (from: Set<TaskStatus>, to: TaskStatus)] = [
        .rectify: ([.open], .rectified),
        .confirm: ([.rectified], .confirmed),
        .reopen: ([.rectified], .open),
    ]

    /// The status after `action`, or nil when the task's status does not allow it.
    public static func apply(_ action: TaskAction, to status: TaskStatus) -> TaskStatus? {
        guard let rule = transitions[action], rule.from.contains(status) else { return nil }
        return rule.to
    }

    /// A task is overdue while it is still open after its deadline day (Beijing time); a rectified or confirmed one
    /// never is.
    public static func isOverdue(_ status: TaskStatus, deadline: LocalDate, today: LocalDate) -> Bool {
        status == .open && today > deadline
    }

    /// The share of problems rectified (rectified or confirmed), in whole percent; nil when there is none.
    public static func rectifiedPercent(problems: Int, rectified: Int) -> Int? {
        guard problems > 0 else { return nil }
        return (rectified * 100 + problems / 2) / problems
    }

    /// Limits of a session's record: services accompanied in one session, days a deadline may lie ahead.
    public static let servicesRange = 1...200
    public static let deadlineDaysAhead = 1...180
}
