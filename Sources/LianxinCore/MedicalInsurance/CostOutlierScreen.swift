import Foundation

/// The statistical rule: cost per case of each institution within a visit type and diagnosis group,
/// compared across institutions by a robust z-score (median and MAD, so one outlier cannot hide itself
/// by moving the mean): z = 0.6745 · (x − median) / MAD. Only costs above the others raise a lead.
public struct CostOutlierScreen: Sendable {
    /// One institution's cost per case in one group, with its score.
    public struct Cell: Sendable, Hashable {
        public var visitType: VisitType
        public var diagnosisGroup: String
        public var institutionCode: String
        public var cases: Int
        public var costPerCaseFen: Int
        public var groupMedianFen: Int
        public var robustZ: Double
    }

    public var rules: ScreeningRuleSet

    public init(rules: ScreeningRuleSet) { self.rules = rules }

    /// Every compared cell (institutions with enough cases in groups with enough institutions and some spread).
    public func cells(_ settlements: [Settlement]) -> [Cell] {
        guard let rule = rules[.costOutlier] else { return [] }
        let minCases = Int(rule.value(.minCases))
        let minInstitutions = Int(rule.value(.minInstitutions))
        struct Group: Hashable {
            let visit: VisitType
            let diagnosis: String
        }
        var totals: [Group: [String: (cases: Int, fen: Int)]] = [:]
        for settlement in settlements {
            let group = Group(visit: settlement.visitType, diagnosis: settlement.diagnosisGroup)
            let sum = totals[group, default: [:]][settlement.institutionCode] ?? (0, 0)
            totals[group, default: [:]][settlement.institutionCode] = (sum.cases + 1, sum.fen + settlement.totalFen)
        }
        var cells: [Cell] = []
        for (group, institutions) in totals {
            let compared = institutions.filter { $0.value.cases >= minCases }
            guard compared.count >= minInstitutions else { continue }
            let costs = compared.mapValues { Double($0.fen) / Double($0.cases) }
            let median = CostOutlierScreen.median(Array(costs.values))
            let mad = CostOutlierScreen.median(costs.values.map { abs($0 - median) })
            guard mad > 0 else { continue }
            for (code, cost) in costs {
                cells.append(
                    Cell(
                        visitType: group.visit, diagnosisGroup: group.diagnosis, institutionCode: code, cases: compared[code]!.cases,
                        costPerCaseFen: Int(cost.rounded()), groupMedianFen: Int(median.rounded()), robustZ: 0.6745 * (cost - median) / mad))
            }
        }
        return cells.sorted {
            ($0.visitType.rawValue, $0.diagnosisGroup, $0.institutionCode) < ($1.visitType.rawValue, $1.diagnosisGroup, $1.institutionCode)
        }
    }

    /// A lead per cell whose score passes the threshold; the amount is the excess over the median on all its cases.
    public func leads(_ settlements: [Settlement]) -> [Lead] {
        guard let rule = rules[.costOutlier], rule.enabled else { return [] }
        let threshold = rule.value(.zThreshold)
        return cells(settlements).filter { $0.robustZ > threshold }.map { cell in
            Lead(
                rule: .costOutlier, settlementID: nil, institutionCode: cell.institutionCode,
                amountFen: (cell.costPerCaseFen - cell.groupMedianFen) * cell.cases,
                evidence: [
                    Evidence(.visitType, cell.visitType.rawValue), Evidence(.diagnosisGroup, cell.diagnosisGroup),
                    Evidence(.casesCount, "\(cell.cases)"), Evidence(.costPerCase, ClaimMoney.yuan(cell.costPerCaseFen)),
                    Evidence(.groupMedian, ClaimMoney.yuan(cell.groupMedianFen)), Evidence(.robustZ, String(format: "%.2f", cell.robustZ)),
                ])
        }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
