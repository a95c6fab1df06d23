import Foundation

/// 记分管理: confirmed violations give points to institutions and responsible persons; passing a
/// threshold proposes an action that a person then confirms. Thresholds are data.
public struct PointsPolicy: Sendable, Hashable, Codable {
    /// What a threshold proposes, mildest first.
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        /// 约谈: a supervisory talk.
        case interview
        /// 暂停结算: settlement with the fund suspended.
        case suspendSettlement = "suspend-settlement"
        /// 解除协议: the service agreement ended.
        case terminateAgreement = "terminate-agreement"

        public static func < (lhs: Action, rhs: Action) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// Who is scored.
    public enum Subject: String, Sendable, Hashable, Codable, CaseIterable {
        case institution, person
    }

    /// Points at which an action is proposed.
    public struct Threshold: Sendable, Hashable, Codable {
        public var points: Int
        public var action: Action

        public init(points: Int, action: Action) {
            self.points = points
            self.action = action
        }
    }

    public var institution: [Threshold]
    public var person: [Threshold]

    public init(institution: [Threshold], person: [Threshold]) {
        self.institution = institution
        self.person = person
    }

    /// A starting scale: 6 points a talk, 12 a suspension, 20 the end of the agreement.
    public static let standard = PointsPolicy(
        institution: [
            Threshold(points: 6, action: .interview), Threshold(points: 12, action: .suspendSettlement),
            Threshold(points: 20, action: .terminateAgreement),
        ],
        person: [
            Threshold(points: 6, action: .interview), Threshold(points: 12, action: .suspendSettlement),
            Threshold(points: 20, action: .terminateAgreement),
        ])

    /// The thresholds of one subject, by action.
    public func thresholds(_ subject: Subject) -> [Action: Int] {
        Dictionary((subject == .institution ? institution : person).map { ($0.action, $0.points) }, uniquingKeysWith: { first, _ in first })
    }

    /// Why a policy is refused, naming the subject and action.
    public enum Problem: Error, Hashable, Sendable {
        /// Every action needs its threshold once, between 1 and `maximumPoints`.
        case outOfRange(Subject, Action)
        case missing(Subject, Action)
        /// A stronger action needs more points than a milder one (约谈 < 暂停结算 < 解除协议).
        case notIncreasing(Subject, Action)
    }

    public static let maximumPoints = 1_000

    /// Every problem of the policy: each action's threshold once, in range, and stronger actions at more points.
    public var problems: [Problem] {
        var found: [Problem] = []
        for subject in Subject.allCases {
            let list = subject == .institution ? institution : person
            var previous: Int?
            for action in Action.allCases {
                let matching = list.filter { $0.action == action }
                guard matching.count == 1, let points = matching.first?.points else {
                    found.append(.missing(subject, action))
                    continue
                }
                if !(1...Self.maximumPoints).contains(points) {
                    found.append(.outOfRange(subject, action))
                } else if let previous, points <= previous {
                    found.append(.notIncreasing(subject, action))
                }
                if (1...Self.maximumPoints).contains(points) { previous = points }
            }
        }
        return found
    }

    /// The actions a subject's points call for that are not yet confirmed or refused, mildest first.
    public func proposals(for subject: Subject, points: Int, decided: Set<Action>) -> [Action] {
        let thresholds = subject == .institution ? institution : person
        return thresholds.filter { points >= $0.points && !decided.contains($0.action) }.map(\.action).sorted()
    }

    /// The points each subject holds from confirmed leads, by the rule set's points.
    public static func points(of confirmed: [Lead], rules: ScreeningRuleSet) -> (institutions: [String: Int], persons: [String: Int]) {
        var institutions: [String: Int] = [:]
        var persons: [String: Int] = [:]
        for lead in confirmed {
            guard let rule = rules[lead.rule] else { continue }
            institutions[lead.institutionCode, default: 0] += rule.institutionPoints
            if let doctor = lead.doctorCode, rule.personPoints > 0 { persons[doctor, default: 0] += rule.personPoints }
        }
        return (institutions, persons)
    }
}
