import Foundation

/// 前沿哨兵: the hospital stations' own supervision — 日常巡查 (daily patrol), 重点核查 (focused check, aimed at
/// high-risk areas such as 外伤就医 where a third party may be liable) and 出院复核 (discharge review) — as tasks
/// assigned to a station worker, each with a checklist (data per kind), every item passed or failed with a note,
/// and a finding that may become a lead (疑点) in the review queue.
public enum StationTask {
    /// The three kinds of station work the seed names.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// 日常巡查: the wards and the station, every day.
        case dailyPatrol = "daily-patrol"
        /// 重点核查: one patient or case in a high-risk area (trauma, unusual charges).
        case focusedCheck = "focused-check"
        /// 出院复核: the bill of a patient being discharged, before settlement.
        case dischargeReview = "discharge-review"
    }

    /// Where a task stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case assigned, done, cancelled
    }

    /// What may be done to a task.
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        /// Given (again) to a station worker.
        case assign
        /// Done: every checklist item answered, with the finding if any.
        case complete
        /// No longer needed (the patient left, the check was merged into another).
        case cancel
    }

    /// The guard table: from which status each action is allowed, and where it leads.
    public static let transitions: [Action: (from: Set<Status>, to: Status)] = [
        .assign: ([.assigned], .assigned),
        .complete: ([.assigned], .done),
        .cancel: ([.assigned], .cancelled),
    ]

    /// The status after `action`, or nil when the task's status does not allow it.
    public static func apply(_ action: Action, to status: Status) -> Status? {
        guard let rule = transitions[action], rule.from.contains(status) else { return nil }
        return rule.to
    }

    /// The checklist of each kind, by stable item code (the words are in the locale files, `mi_check_<code>`),
    /// from the seed's practice: who is really in the bed, 外伤 and a liable third party, the bill against the orders.
    public static let checklists: [Kind: [String]] = [
        .dailyPatrol: ["in-bed", "identity", "bed-card", "price-notice", "station-open"],
        .focusedCheck: ["injury-cause", "third-party", "record-consistent", "exam-necessary", "drug-course"],
        .dischargeReview: ["fee-list", "no-duplicate", "discharge-criteria", "take-home-drugs", "patient-confirmed"],
    ]

    /// An item's outcome.
    public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
        case passed, failed
    }

    /// One checklist item as answered.
    public struct Answer: Sendable, Hashable, Codable {
        public var item: String
        public var outcome: Outcome?
        public var note: String

        public init(item: String, outcome: Outcome?, note: String = "") {
            self.item = item
            self.outcome = outcome
            self.note = note
        }
    }

    /// What the worker found, and whether it goes to the leads queue.
    public struct Finding: Sendable, Hashable, Codable {
        public var text: String
        /// Set when the finding becomes a lead: the violation it looks like.
        public var rule: ScreeningRuleKind?
        public var raiseLead: Bool
        /// The fund money in doubt, in fen.
        public var amountFen: Int?

        public init(text: String, rule: ScreeningRuleKind? = nil, raiseLead: Bool = false, amountFen: Int? = nil) {
            self.text = text
            self.rule = rule
            self.raiseLead = raiseLead
            self.amountFen = amountFen
        }
    }

    /// Why a completion is refused, each naming its field.
    public enum Problem: Sendable, Hashable {
        /// An item of the checklist left without passed or failed.
        case unanswered(String)
        /// A failed item needs a note saying what was wrong.
        case failedWithoutNote(String)
        /// A note longer than `maximumNote`.
        case noteTooLong(String)
        /// An answer to an item the checklist does not have.
        case unknownItem(String)
        /// A failed item (or a lead to raise) needs the finding written down.
        case findingMissing
        case findingTooLong
        /// A lead needs the violation it looks like (the rules a station can see; not the statistical outlier).
        case leadRuleMissing
        /// A lead needs the amount in doubt, 0 or more.
        case leadAmountMissing

        /// The form field the problem belongs beside.
        public var field: String {
            switch self {
            case .unanswered(let item), .unknownItem(let item): "outcome_\(item)"
            case .failedWithoutNote(let item), .noteTooLong(let item): "note_\(item)"
            case .findingMissing, .findingTooLong: "finding"
            case .leadRuleMissing: "rule"
            case .leadAmountMissing: "amount"
            }
        }
    }

    public static let maximumNote = 200
    public static let maximumFinding = 1_000

    /// The violations a station finding may be raised as (the statistical outlier is the computer's, not a ward's).
    public static let leadRules: [ScreeningRuleKind] = ScreeningRuleKind.allCases.filter { $0 != .costOutlier }

    /// Every problem of a completion of a task of `kind`: every item answered once, failed ones explained, and the
    /// finding written when anything failed or a lead is to be raised.
    public static func problems(kind: Kind, answers: [Answer], finding: Finding) -> [Problem] {
        let checklist = checklists[kind] ?? []
        var found: [Problem] = []
        let known = Set(checklist)
        for answer in answers where !known.contains(answer.item) { found.append(.unknownItem(answer.item)) }
        for item in checklist {
            guard let answer = answers.first(where: { $0.item == item }), let outcome = answer.outcome else {
                found.append(.unanswered(item))
                continue
            }
            let note = answer.note.trimmingCharacters(in: .whitespacesAndNewlines)
            if note.count > maximumNote {
                found.append(.noteTooLong(item))
            } else if outcome == .failed && note.isEmpty {
                found.append(.failedWithoutNote(item))
            }
        }
        let text = finding.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let anyFailed = answers.contains { $0.outcome == .failed && known.contains($0.item) }
        if text.count > maximumFinding {
            found.append(.findingTooLong)
        } else if (anyFailed || finding.raiseLead) && text.count < 2 {
            found.append(.findingMissing)
        }
        if finding.raiseLead {
            if finding.rule.map({ !leadRules.contains($0) }) ?? true { found.append(.leadRuleMissing) }
            if (finding.amountFen ?? -1) < 0 { found.append(.leadAmountMissing) }
        }
        return found
    }

    /// The items that failed, in checklist order.
    public static func failedItems(kind: Kind, answers: [Answer]) -> [String] {
        (checklists[kind] ?? []).filter { item in answers.contains { $0.item == item && $0.outcome == .failed } }
    }

    /// The lead a finding raises: the task and its failed items as evidence; its key names the task, so a task
    /// raises one lead at most however often it is sent.
    public static func lead(
        taskID: String, kind: Kind, institutionCode: String, settlementID: String?, answers: [Answer], finding: Finding
    ) -> Lead? {
        guard finding.raiseLead, let rule = finding.rule else { return nil }
        var evidence = [Evidence(.stationTask, kind.rawValue)]
        let failed = failedItems(kind: kind, answers: answers)
        if !failed.isEmpty { evidence.append(Evidence(.checkItems, failed.joined(separator: ";"))) }
        evidence.append(Evidence(.finding, finding.text.trimmingCharacters(in: .whitespacesAndNewlines)))
        evidence.append(Evidence(.stationTaskID, taskID))
        return Lead(
            rule: rule, settlementID: settlementID, institutionCode: institutionCode, amountFen: max(0, finding.amountFen ?? 0),
            evidence: evidence)
    }

    /// The key of a station lead (not `Lead.key`, which identifies screening results: one task, one lead).
    public static func leadKey(rule: ScreeningRuleKind, taskID: String) -> String { "\(rule.rawValue)|station-task:\(taskID)" }
}
