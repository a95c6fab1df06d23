import Foundation

/// The six ways a person is shared between organisations (人才共享六大模式). The seed names three
/// (短期借调, 项目合作, 柔性引进); the other three are the park practice the centre offers besides.
public enum SharingMode: String, Sendable, CaseIterable, Codable, Hashable {
    /// 短期借调: an employee works for another enterprise for a while and then returns.
    case secondment
    /// 项目合作: people work on a joint project with agreed deliverables.
    case projectCooperation
    /// 柔性引进: an expert serves part-time for a term without moving employer.
    case flexibleIntroduction
    /// 人才租赁 / 劳务派遣协作: a surplus team is hired out by the day through its employer.
    case leasing
    /// 技术服务: a college or institute delivers a technical project (技术改造) for an enterprise.
    case technicalService
    /// 订单式培养 / 校企合作: a college trains students to an enterprise's order and places its graduates.
    case orderTraining

    /// The rules each mode puts on an agreement, as data.
    public var rules: SharingModeRules {
        switch self {
        case .secondment: SharingModeRules(needsHomeEmployer: true, needsDeliverables: false, needsTerm: false, maxDays: 365)
        case .projectCooperation: SharingModeRules(needsHomeEmployer: true, needsDeliverables: true, needsTerm: false, maxDays: nil)
        case .flexibleIntroduction: SharingModeRules(needsHomeEmployer: false, needsDeliverables: false, needsTerm: true, maxDays: 3 * 366)
        case .leasing: SharingModeRules(needsHomeEmployer: true, needsDeliverables: false, needsTerm: false, maxDays: 180)
        case .technicalService: SharingModeRules(needsHomeEmployer: true, needsDeliverables: true, needsTerm: false, maxDays: nil)
        case .orderTraining: SharingModeRules(needsHomeEmployer: true, needsDeliverables: true, needsTerm: true, maxDays: nil)
        }
    }
}

/// What a mode requires of an agreement's terms.
public struct SharingModeRules: Sendable, Hashable {
    /// The person's home employer (派出单位) must approve, besides the receiving enterprise and the person.
    public let needsHomeEmployer: Bool
    /// The terms must list deliverables (成果/交付物).
    public let needsDeliverables: Bool
    /// The terms must state a service term (服务期限) in months.
    public let needsTerm: Bool
    /// The longest period the mode allows, in days (nil: no limit).
    public let maxDays: Int?
}

/// An agreement's terms as the parties write them.
public struct AgreementTerms: Sendable, Hashable {
    public var mode: SharingMode
    public var period: TalentPeriod
    public var deliverables: [String]
    public var termMonths: Int?
    /// The person has a home employer (a job seeker has none).
    public var hasHomeEmployer: Bool

    public init(mode: SharingMode, period: TalentPeriod, deliverables: [String] = [], termMonths: Int? = nil, hasHomeEmployer: Bool) {
        self.mode = mode
        self.period = period
        self.deliverables = deliverables
        self.termMonths = termMonths
        self.hasHomeEmployer = hasHomeEmployer
    }

    /// What is wrong with the terms for their mode; empty when they may be proposed.
    public func problems() -> [AgreementTermsProblem] {
        let rules = mode.rules
        var problems: [AgreementTermsProblem] = []
        if period.end < period.start { problems.append(.periodReversed) }
        if let max = rules.maxDays, period.days > max { problems.append(.periodTooLong(maxDays: max)) }
        if rules.needsDeliverables && deliverables.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            problems.append(.deliverablesMissing)
        }
        if rules.needsTerm && (termMonths ?? 0) < 1 { problems.append(.termMissing) }
        if mode == .secondment && !hasHomeEmployer { problems.append(.secondmentNeedsEmployer) }
        return problems
    }
}

/// Why terms cannot be proposed.
public enum AgreementTermsProblem: Sendable, Hashable {
    case periodReversed
    case periodTooLong(maxDays: Int)
    case deliverablesMissing
    case termMissing
    /// A secondment moves an employee; a job seeker without an employer cannot be seconded.
    case secondmentNeedsEmployer

    /// The form field the problem belongs to.
    public var field: String {
        switch self {
        case .periodReversed, .periodTooLong: "period"
        case .deliverablesMissing: "deliverables"
        case .termMissing: "termMonths"
        case .secondmentNeedsEmployer: "mode"
        }
    }

    /// A stable key for the message.
    public var key: String {
        switch self {
        case .periodReversed: "periodReversed"
        case .periodTooLong: "periodTooLong"
        case .deliverablesMissing: "deliverablesMissing"
        case .termMissing: "termMissing"
        case .secondmentNeedsEmployer: "secondmentNeedsEmployer"
        }
    }
}

/// A span of whole days, both ends included (day ordinals since 1970-01-01, as `ClaimDay`).
public struct TalentPeriod: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Reads two `YYYY-MM-DD` dates.
    public init?(from: some StringProtocol, to: some StringProtocol) {
        guard let start = ClaimDay(from), let end = ClaimDay(to) else { return nil }
        self.init(start: start.ordinal, end: end.ordinal)
    }

    /// The number of days, both ends counted.
    public var days: Int { max(0, end - start + 1) }

    /// The days both spans share.
    public func overlap(with other: TalentPeriod) -> Int {
        max(0, min(end, other.end) - max(start, other.start) + 1)
    }

    /// Whether `other` lies wholly inside this span.
    public func covers(_ other: TalentPeriod) -> Bool { start <= other.start && other.end <= end }
}
