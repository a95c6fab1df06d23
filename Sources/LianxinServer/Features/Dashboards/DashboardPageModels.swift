import Vapor
import LianxinCore

/// Formats figures for pages: shares as percentages, durations in minutes, hours or days, points, counts.
struct FigureFormat {
    let english: Bool

    func text(_ value: Double?, unit: String) -> String {
        guard let value else { return "—" }
        switch unit {
        case "share": return String(format: "%.1f%%", value * 100)
        case "minutes": return DurationText.text(minutes: value, english: english)
        case "points": return String(format: "%.2f", value)
        default: return String(format: "%.0f", value)
        }
    }

    /// "+1.5 pt" style change from `before` to `now`, and whether it is an improvement.
    func change(_ now: Double?, _ before: Double?, unit: String, higherIsBetter: Bool) -> (text: String, tone: String) {
        guard let now, let before else { return ("—", "flat") }
        let delta = unit == "share" ? (now - before) * 100 : now - before
        if abs(delta) < 0.05 { return ("±0", "flat") }
        let sign = delta > 0 ? "+" : "−"
        if unit == "minutes" {
            return (sign + DurationText.text(minutes: abs(delta), english: english), (delta > 0) == higherIsBetter ? "up" : "down")
        }
        let suffix = unit == "share" ? (english ? " pt" : " 个百分点") : ""
        let good = (delta > 0) == higherIsBetter
        return ("\(sign)\(String(format: "%.1f", abs(delta)))\(suffix)", good ? "up" : "down")
    }
}

/// A number on a page with the link to the orders behind it.
struct LinkedNumber: Encodable, Sendable {
    let text: String
    let href: String?
}

/// The verification card of the dashboard (核查).
struct VerificationCard: Encodable, Sendable {
    let verified: LinkedNumber
    let failed: LinkedNumber
    let checks: LinkedNumber
    let average: String
    let isEmpty: Bool
}

/// One KPI tile: a share reads "42.9 %" with its counts "（3/7）" beside it, each count a link.
struct KPITile: Encodable, Sendable {
    let id: String
    let name: String
    let value: String
    /// The numerator as one number (weighted when the formula weighs verdicts), linked to the orders behind it.
    let numerator: [LinkedNumber]
    let denominator: LinkedNumber?
    let previous: String
    let previousChange: String
    let previousTone: String
    let sameLastYear: String
    let sameLastYearChange: String
    let sameLastYearTone: String
    let formula: String
    /// The numerator weighs verdicts (基本满意 counts as part of a 满意): the counts read "（加权 12.3/13）", the formula says how.
    var weighted = false
}

/// A chart mark with its link.
struct ChartMark: Encodable, Sendable {
    let x: Double
    let y: Double
    let width: Double
    let height: Double
    let label: String
    let value: String
    let href: String?
    /// Where the mark's value is written, for horizontal bars.
    var textX: Double = 0
    var textY: Double = 0
    /// A horizontal bar's length as a share of the longest possible, 0–100.
    var percent: Double = 0
}

/// One area of the choropleth map.
struct MapArea: Encodable, Sendable {
    let d: String
    let shade: Int
    let title: String
    let href: String
}

struct TableRow: Encodable, Sendable {
    let label: String
    let href: String?
    let cells: [LinkedNumber]
}

/// The 驾驶舱 and the scorecards.
struct DashboardPageModel: Encodable, Sendable {
    let heading: String
    let divisionCode: String
    let divisionName: String
    let divisionPicker: DivisionPicker
    let period: String
    let date: String
    let kinds: [SelectOption]
    let hidden: [SelectOption]
    let previousHref: String
    let nextHref: String
    let counts: [KPITile]
    /// The on-site check card (核查): each count a link to its orders, and the average check time.
    let verification: VerificationCard
    let tiles: [KPITile]
    let trendBars: [ChartMark]
    let trendLine: String
    let trendLabels: [ChartMark]
    let categoryBars: [ChartMark]
    let categoryHeight: Double
    let mapAreas: [MapArea]
    let mapViewBox: String
    let mapLegend: [String]
    let hotspots: [String]
    let rankingTitle: String
    let rankingHeaders: [String]
    let ranking: [TableRow]
    let tables: [CutTablePage]
    let exportHref: String?
    let reportHref: String
    let briefHref: String
}

struct CutTablePage: Encodable, Sendable {
    let title: String
    let headers: [String]
    let rows: [TableRow]
}

/// The orders behind a figure.
struct DrillDownPageModel: Encodable, Sendable {
    let measure: String
    /// Whether some order listed was exempted (核减), so the list shows why.
    let showsReason: Bool
    let count: Int
    let periodLabel: String
    let divisionName: String
    let items: [DrillDownItemPage]
    let nextHref: String?
    let exportHref: String?
    let backHref: String
}

struct DrillDownItemPage: Encodable, Sendable {
    let id: String
    let number: String
    let title: String
    let status: String
    let created: String
    /// Why the centre left the order out of the assessment (核减), if it did.
    let exemptionReason: String?
}

/// A printable assessment report (一月一督查、一季一评比、一年一考核).
struct ReportPageModel: Encodable, Sendable {
    let heading: String
    let periodLabel: String
    let divisionName: String
    let levelLabel: String
    let formula: String
    let headers: [String]
    let rows: [[String]]
    let csvHref: String
    let choices: [SelectOption]
    let levels: [SelectOption]
    let date: String
    let generated: String
    /// The division the report covers, kept when the form is sent again.
    let divisionCode: String
}
