import Foundation

/// The screening rules (大数据筛查) that turn settlements into leads. The kind is code; whether a rule
/// runs, its parameters and its points are data (`ScreeningRule`).
public enum ScreeningRuleKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 重复收费: the same item twice in one settlement on the same day.
    case duplicateCharge = "duplicate-charge"
    /// 分解住院: readmitted to the same institution soon after discharge with the same diagnosis group.
    case splitAdmission = "split-admission"
    /// 超量开药: an outpatient drug line supplying more days than allowed.
    case excessSupply = "excess-supply"
    /// 超标准收费: a unit price above the price list.
    case overPrice = "over-price"
    /// 性别不符: a sex-specific item or an obstetric diagnosis for a patient of the other sex.
    case sexMismatch = "sex-mismatch"
    /// 外伤待查: an injury diagnosis, to be checked for a liable third party.
    case traumaCheck = "trauma-check"
    /// 挂床住院: a stay whose consecutive days were charged only bed fees.
    case bedOnlyStay = "bed-only-stay"
    /// Cost per case of an institution and diagnosis group far above the other institutions'.
    case costOutlier = "cost-outlier"
}

/// One rule as configured: whether it runs, its parameters and the points a confirmed violation gives.
public struct ScreeningRule: Sendable, Hashable, Codable {
    public var kind: ScreeningRuleKind
    public var enabled: Bool
    /// Named numbers; see `ScreeningParameter` for the names each rule reads and their defaults.
    public var parameters: [String: Double]
    /// Points a confirmed violation gives the institution (记分管理).
    public var institutionPoints: Int
    /// Points a confirmed violation gives the responsible person (the doctor on the lines).
    public var personPoints: Int

    public init(kind: ScreeningRuleKind, enabled: Bool = true, parameters: [String: Double] = [:], institutionPoints: Int, personPoints: Int) {
        self.kind = kind
        self.enabled = enabled
        self.parameters = parameters
        self.institutionPoints = institutionPoints
        self.personPoints = personPoints
    }

    /// A parameter's value, or its default.
    public func value(_ parameter: ScreeningParameter) -> Double { parameters[parameter.rawValue] ?? parameter.defaultValue }
}

/// The parameters the rules read, with their defaults.
public enum ScreeningParameter: String, Sendable, CaseIterable {
    /// 分解住院: readmission within this many days of discharge.
    case readmissionDays = "readmission-days"
    /// 超量开药: the most days an outpatient drug line may supply.
    case maxDaysSupply = "max-days-supply"
    /// 挂床住院: the shortest stay (days) the rule looks at.
    case minStayDays = "min-stay-days"
    /// 挂床住院: consecutive days charged only bed fees that raise a lead.
    case bedOnlyDays = "bed-only-days"
    /// Outlier: the robust z-score above which an institution's cost per case is a lead.
    case zThreshold = "z-threshold"
    /// Outlier: the fewest cases an institution needs in a group to be compared.
    case minCases = "min-cases"
    /// Outlier: the fewest institutions a group needs to be compared at all.
    case minInstitutions = "min-institutions"

    public var defaultValue: Double {
        switch self {
        case .readmissionDays: 15
        case .maxDaysSupply: 30
        case .minStayDays: 3
        case .bedOnlyDays: 2
        case .zThreshold: 3.5
        case .minCases: 5
        case .minInstitutions: 5
        }
    }

    /// The parameters a rule reads.
    public static func read(by kind: ScreeningRuleKind) -> [ScreeningParameter] {
        switch kind {
        case .splitAdmission: [.readmissionDays]
        case .excessSupply: [.maxDaysSupply]
        case .bedOnlyStay: [.minStayDays, .bedOnlyDays]
        case .costOutlier: [.zThreshold, .minCases, .minInstitutions]
        case .duplicateCharge, .overPrice, .sexMismatch, .traumaCheck: []
        }
    }
}

/// The rules in force, one per kind.
public struct ScreeningRuleSet: Sendable, Hashable, Codable {
    public var rules: [ScreeningRule]

    public init(rules: [ScreeningRule]) { self.rules = rules }

    public subscript(kind: ScreeningRuleKind) -> ScreeningRule? { rules.first { $0.kind == kind } }

    /// Whether a rule of this kind runs.
    public func isEnabled(_ kind: ScreeningRuleKind) -> Bool { self[kind]?.enabled ?? false }

    /// Every rule enabled, with the parameters and a starting scale of points.
    public static let standard = ScreeningRuleSet(rules: [
        ScreeningRule(kind: .duplicateCharge, institutionPoints: 2, personPoints: 2),
        ScreeningRule(kind: .splitAdmission, institutionPoints: 3, personPoints: 2),
        ScreeningRule(kind: .excessSupply, institutionPoints: 1, personPoints: 2),
        ScreeningRule(kind: .overPrice, institutionPoints: 2, personPoints: 1),
        ScreeningRule(kind: .sexMismatch, institutionPoints: 3, personPoints: 3),
        ScreeningRule(kind: .traumaCheck, institutionPoints: 1, personPoints: 0),
        ScreeningRule(kind: .bedOnlyStay, institutionPoints: 4, personPoints: 3),
        ScreeningRule(kind: .costOutlier, institutionPoints: 2, personPoints: 0),
    ])

    /// Why a configured set is refused.
    public enum Problem: Error, Equatable, Sendable {
        case duplicateKind(ScreeningRuleKind)
        case unknownParameter(ScreeningRuleKind, String)
        case parameterOutOfRange(ScreeningRuleKind, String)
        case negativePoints(ScreeningRuleKind)
    }

    /// Every problem of the set (one kind once, known parameters, positive values, points ≥ 0).
    public var problems: [Problem] {
        var seen: Set<ScreeningRuleKind> = []
        var found: [Problem] = []
        for rule in rules {
            if !seen.insert(rule.kind).inserted { found.append(.duplicateKind(rule.kind)) }
            let known = Set(ScreeningParameter.read(by: rule.kind).map(\.rawValue))
            for (name, value) in rule.parameters.sorted(by: { $0.key < $1.key }) {
                if !known.contains(name) {
                    found.append(.unknownParameter(rule.kind, name))
                } else if !(value.isFinite && value > 0) {
                    found.append(.parameterOutOfRange(rule.kind, name))
                }
            }
            if rule.institutionPoints < 0 || rule.personPoints < 0 { found.append(.negativePoints(rule.kind)) }
        }
        return found
    }
}
