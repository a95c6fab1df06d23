import Vapor
import LianxinCore

/// One indicator's definition as the API and pages show it.
struct IndicatorDefinitionDTO: Content {
    var id: String
    var name: String
    var nameEn: String
    var formula: String
    var formulaEn: String
    var numerator: String?
    var denominator: String?
    var unit: String
    var higherIsBetter: Bool

    init(_ definition: IndicatorDefinition) {
        id = definition.id.rawValue
        name = definition.name.zh
        nameEn = definition.name.en
        formula = definition.formula.zh
        formulaEn = definition.formula.en
        numerator = definition.numerator?.zh
        denominator = definition.denominator?.zh
        unit = definition.unit.rawValue
        higherIsBetter = definition.higherIsBetter
    }
}

/// The indicators with their formulas, and the scheme rankings use.
struct IndicatorsDTO: Content {
    var indicators: [IndicatorDefinitionDTO]
    var scheme: AssessmentScheme
}

/// One figure with its parts, its comparisons and the measures behind it (for drill-down).
struct IndicatorFigure: Content {
    var id: String
    var name: String
    var unit: String
    var formula: String
    var value: Double?
    var numerator: Double?
    var denominator: Double?
    var basis: Int
    /// The figure of the period before (环比) and of the same period a year earlier (同比).
    var previous: Double?
    var sameLastYear: Double?
    /// Measure names whose orders make up the numerator and the denominator.
    var numeratorMeasures: [String]
    var denominatorMeasure: String?
}

/// A division, unit, category, channel or kind and its figures in a cut table.
struct CutRow: Content {
    var key: String
    var label: String
    var received: Int
    var counted: Int
    var values: [String: Double]
}

/// A table of the figures split one way.
struct CutTable: Content {
    var dimension: String
    var rows: [CutRow]
}

/// One day or month of the trend.
struct TrendPoint: Content {
    var label: String
    var first: String
    var last: String
    var received: Int
    var closed: Int
    var satisfactionRate: Double?
}

struct DivisionRef: Content {
    var code: String
    var name: String
    var level: String
}

/// The dashboard (驾驶舱) of one division, period and filter.
struct DashboardDTO: Content {
    var division: DivisionRef
    var period: String
    var first: String
    var last: String
    var previousPeriod: String
    var sameLastYearPeriod: String
    var received: Int
    var counted: Int
    var overdueOpen: Int
    var measures: [String: Int]
    /// The on-site check (核查): orders verified, failed, checks ended and their average time.
    var verification: VerificationFigures
    var indicators: [IndicatorFigure]
    var trend: [TrendPoint]
    var cuts: [CutTable]
}

/// One line of a ranking.
struct RankingRow: Content {
    var rank: Int?
    var code: String
    var name: String
    var score: Double?
    var orders: Int
    /// Orders left out of this unit's figures on an approved appeal (核减), not in `orders`.
    var exempted: Int
    var standing: String
    var values: [String: Double]
}

struct RankingDTO: Content {
    var level: String
    var division: DivisionRef
    var period: String
    var scheme: String
    var formula: String
    var rows: [RankingRow]
}

/// One order behind a figure.
struct DrillDownItem: Content {
    var id: UUID
    var number: String
    var title: String
    var status: String
    var createdAt: Date
    var divisionCode: String
    var categoryCode: String
}

struct DrillDownDTO: Content {
    var measure: String
    var count: Int
    var items: [DrillDownItem]
    var nextCursor: String?
}

extension AssessmentScheme: Content {}
