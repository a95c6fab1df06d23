import Vapor
import Fluent
import LianxinCore

/// The feature for dashboards and assessment (三率, rankings, rollups, reports, exports).
enum DashboardsFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: DashboardAPIController())
        try app.register(collection: DashboardPagesController())
    }

    private typealias D = OpenAPIDocument

    private static let cutParameters: [JSONValue] = [
        D.query("division", D.text, "division code (default your own; outside your division answers 404)"),
        D.query("grid", D.text, "grid code"),
        D.query("period", D.text, "day, week, month, quarter or year (with date), or a label: 2026-09, 2026-Q3, 2026-W38, 2026, 2026-09-01..2026-09-15"),
        D.query("date", ["type": "string", "format": "date"], "a day in the period (default today, Beijing time)"),
        D.query("department", D.uuid, "only this unit's orders"),
        D.query("category", D.text, "a category code; its subtree counts"),
        D.query("channel", D.text, "channels, comma-separated"),
        D.query("requestKind", D.text, "request kinds, comma-separated"),
        D.query("scheme", D.text, "assessment scheme code (default three-rates)"),
    ]

    private static let measureParameters: [JSONValue] = [
        D.query("measure", D.enumeration(RollupMeasure.all.map(\.description)), "the count whose orders to list"),
        D.query("overdue", D.enumeration(["true"]), "list the open orders overdue now instead"),
    ]

    private static let numbers: JSONValue = ["type": "object", "additionalProperties": ["type": "number"]]

    static let openAPIPaths: [(String, JSONValue)] = [
        ("/api/v1/indicators", ["get": D.operation("Indicator definitions with their formulas (zh and en) and the assessment scheme", tag: "dashboards",
            parameters: [D.query("scheme", D.text, "assessment scheme code")], ok: (200, D.ref("Indicators")), errors: [401, 403, 422])]),
        ("/api/v1/dashboard", ["get": D.operation("Dashboard (驾驶舱): figures of a division and period with 环比 and 同比, split by level, unit, category, channel and kind",
            tag: "dashboards", parameters: cutParameters, ok: (200, D.ref("Dashboard")), errors: [401, 403, 404, 422])]),
        ("/api/v1/dashboard/orders", ["get": D.operation("The orders behind a figure (drill-down); count equals the figure",
            tag: "dashboards", parameters: cutParameters + measureParameters + D.pageParameters, ok: (200, D.ref("DrillDown")),
            errors: [401, 403, 404, 422])]),
        ("/api/v1/dashboard/orders.csv", ["get": .object([
            ("summary", "The orders behind a figure as CSV (UTF-8 with BOM), streamed without a size cap; audited"), ("tags", ["dashboards"]),
            ("parameters", .array(cutParameters + measureParameters)),
            ("responses", .object([("200", ["description": "OK", "content": ["text/csv": ["schema": ["type": "string"]]]])]
                                  + D.errors([401, 403, 404, 422]))),
        ])]),
        ("/api/v1/rankings", ["get": D.operation("Ranking of units by the composite score of an assessment scheme",
            tag: "dashboards", parameters: cutParameters + [D.query("level", D.enumeration(["county", "township", "community", "grid", "department"]), "what to rank (default community)")],
            ok: (200, D.ref("Ranking")), errors: [401, 403, 404, 422])]),
        ("/api/v1/assessment-schemes", ["get": D.operation("Assessment schemes (考核方案): weights, indicator parameters, ranking rules",
            tag: "dashboards", ok: (200, ["type": "array", "items": D.ref("AssessmentScheme")]), errors: [401, 403])]),
        ("/api/v1/assessment-schemes/{code}", ["put": D.operation("Store an assessment scheme (audited)", tag: "dashboards",
            parameters: [D.path("code")], body: D.ref("AssessmentScheme"), ok: (200, D.ref("AssessmentScheme")), errors: [401, 403, 422])]),
    ]

    static let openAPISchemas: [(String, JSONValue)] = [
        ("IndicatorDefinition", D.object([
            ("id", D.text), ("name", D.text), ("nameEn", D.text), ("formula", D.text), ("formulaEn", D.text),
            ("numerator", D.text), ("denominator", D.text), ("unit", D.enumeration(IndicatorUnit.allCases.map(\.rawValue))),
            ("higherIsBetter", D.boolean),
        ], required: ["id", "name", "nameEn", "formula", "formulaEn", "unit", "higherIsBetter"])),
        ("AssessmentScheme", D.object([
            ("code", ["type": "string", "minLength": 1]),
            ("name", D.object([("zh", D.text), ("en", D.text)], required: ["zh", "en"])),
            ("weights", ["type": "array", "minItems": 1, "items": D.object([
                ("indicator", D.enumeration(IndicatorID.allCases.map(\.rawValue))), ("weight", ["type": "number", "exclusiveMinimum": 0]),
            ], required: ["indicator", "weight"])]),
            ("indicators", ["type": "object"]),
            ("minimumOrders", ["type": "integer", "minimum": 0]),
            ("decimals", ["type": "integer", "minimum": 0, "maximum": 4]),
        ], required: ["code", "name", "weights"])),
        ("Indicators", D.object([("indicators", ["type": "array", "items": D.ref("IndicatorDefinition")]), ("scheme", D.ref("AssessmentScheme"))],
                                required: ["indicators", "scheme"])),
        ("DivisionRef", D.object([("code", D.text), ("name", D.text), ("level", D.text)], required: ["code", "name", "level"])),
        ("IndicatorFigure", D.object([
            ("id", D.text), ("name", D.text), ("unit", D.text), ("formula", D.text), ("value", D.number), ("numerator", D.number),
            ("denominator", D.number), ("basis", D.integer), ("previous", D.number), ("sameLastYear", D.number),
            ("numeratorMeasures", ["type": "array", "items": D.text]), ("denominatorMeasure", D.text),
        ], required: ["id", "name", "unit", "formula", "basis", "numeratorMeasures"])),
        ("CutTable", D.object([("dimension", D.text), ("rows", ["type": "array", "items": D.object([
            ("key", D.text), ("label", D.text), ("received", D.integer), ("counted", D.integer), ("values", numbers),
        ], required: ["key", "label", "received", "counted", "values"])])], required: ["dimension", "rows"])),
        ("Dashboard", D.object([
            ("division", D.ref("DivisionRef")), ("period", D.text), ("first", D.text), ("last", D.text),
            ("previousPeriod", D.text), ("sameLastYearPeriod", D.text), ("received", D.integer), ("counted", D.integer),
            ("overdueOpen", D.integer), ("measures", ["type": "object", "additionalProperties": D.integer]),
            ("indicators", ["type": "array", "items": D.ref("IndicatorFigure")]),
            ("trend", ["type": "array", "items": D.object([
                ("label", D.text), ("first", D.text), ("last", D.text), ("received", D.integer), ("closed", D.integer),
                ("satisfactionRate", D.number),
            ], required: ["label", "first", "last", "received", "closed"])]),
            ("cuts", ["type": "array", "items": D.ref("CutTable")]),
        ], required: ["division", "period", "received", "counted", "overdueOpen", "measures", "indicators", "trend", "cuts"])),
        ("Ranking", D.object([
            ("level", D.text), ("division", D.ref("DivisionRef")), ("period", D.text), ("scheme", D.text), ("formula", D.text),
            ("rows", ["type": "array", "items": D.object([
                ("rank", D.integer), ("code", D.text), ("name", D.text), ("score", D.number), ("orders", D.integer),
                ("standing", D.enumeration(["ranked", "tooFewOrders", "noScore"])), ("values", numbers),
            ], required: ["code", "name", "orders", "standing", "values"])]),
        ], required: ["level", "division", "period", "scheme", "formula", "rows"])),
        ("DrillDown", D.object([
            ("measure", D.text), ("count", D.integer), ("nextCursor", D.nullable("string")),
            ("items", ["type": "array", "items": D.object([
                ("id", D.uuid), ("number", D.text), ("title", D.text), ("status", D.text), ("createdAt", D.dateTime),
                ("divisionCode", D.text), ("categoryCode", D.text),
            ], required: ["id", "number", "title", "status", "createdAt", "divisionCode", "categoryCode"])]),
        ], required: ["measure", "count", "items"])),
    ]

    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { FeatureCommands(commands: ["rollups": RollupsCommand()]) }
}
