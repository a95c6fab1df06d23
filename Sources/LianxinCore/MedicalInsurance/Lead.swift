import Foundation

/// A lead (疑点) raised by a screening rule: what it is about, why, and the money at stake.
public struct Lead: Sendable, Hashable, Codable {
    public var rule: ScreeningRuleKind
    /// The settlement it concerns; nil for leads about an institution as a whole (the cost outlier).
    public var settlementID: String?
    public var institutionCode: String
    /// The responsible person, when the rule ties the lead to lines charged by one doctor.
    public var doctorCode: String?
    /// The fund money the lead puts in doubt, in fen.
    public var amountFen: Int
    /// The facts that raised it, by name (names are stable keys a page translates).
    public var evidence: [Evidence]

    public init(
        rule: ScreeningRuleKind, settlementID: String?, institutionCode: String, doctorCode: String? = nil, amountFen: Int, evidence: [Evidence]
    ) {
        self.rule = rule
        self.settlementID = settlementID
        self.institutionCode = institutionCode
        self.doctorCode = doctorCode
        self.amountFen = amountFen
        self.evidence = evidence
    }

    private static let identifying: Set<Evidence.Name> = [.lines, .diagnosisGroup, .visitType, .previousSettlement, .diagnosis]

    /// A stable identity: the same data screened twice gives the same key, so re-screening adds no duplicate.
    public var key: String {
        let subject = settlementID ?? "institution:\(institutionCode)"
        let detail = evidence.filter { Lead.identifying.contains($0.name) }.map(\.value).joined(separator: "/")
        return "\(rule.rawValue)|\(subject)|\(detail)"
    }
}

/// One fact of a lead's evidence.
public struct Evidence: Sendable, Hashable, Codable {
    public enum Name: String, Sendable, Hashable, Codable, CaseIterable {
        case lines, itemCode, chargedAt, previousSettlement, previousDischarge, admission, daysBetween
        case diagnosisGroup, visitType, daysSupply, maxDaysSupply, unitPrice, maxUnitPrice, itemSex, patientSex, diagnosis
        case stayDays, bedOnlyDays, casesCount, costPerCase, groupMedian, robustZ
        /// A hospital station's task that found it (前沿哨兵): its kind, failed items, the finding, the task.
        case stationTask, checkItems, finding, stationTaskID
    }

    public var name: Name
    public var value: String

    public init(_ name: Name, _ value: String) {
        self.name = name
        self.value = value
    }
}
