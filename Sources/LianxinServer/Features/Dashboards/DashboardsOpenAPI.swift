import Vapor
import LianxinCore

/// The dashboards operations and schemas of /openapi.json.
enum DashboardsOpenAPI: OpenAPIVocabulary {
    private static let cutParameters: [JSONValue] = [
        query("division", text, "division code (default your own; outside your division answers 404)"),
        query("grid", text, "grid code"),
        query("period", text, "day, week, month, quarter or year (with date), or a label: 2026-09, 2026-Q3, 2026-W38, 2026, 2026-09-01..2026-09-15"),
        query("date", ["type": "string", "format": "date"], "a day in the period (default today, Beijing time)"),
        query("department", uuid, "only this unit's orders"),
        query("category", text, "a category code; its subtree counts"),
        query("channel", text, "channels, comma-separated"),
        query("requestKind", text, "request kinds, comma-separated"),
        query("scheme", text, "assessment scheme code (default three-rates)"),
    ]

    private static let measureParameters: [JSONValue] = [
        query("measure", enumeration(RollupMeasure.all.map(\.description)), "the count whose orders to list"),
        query("overdue", enumeration(["true"]), "list the open orders overdue now instead"),
    ]

    private static let numbers: JSONValue = ["type": "object", "additionalProperties": ["type": "number"]]

    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/indicators",
            [
                "get": operation(
                    "Indicator definitions with their formulas (zh and en) and the assessment scheme", tag: "dashboards",
                    parameters: [query("scheme", text, "assessment scheme code")], ok: (200, ref("Indicators")), errors: [401, 403, 422])
            ]
        ),
        (
            "/api/v1/dashboard",
            [
                "get": operation(
                    "Dashboard (驾驶舱): figures of a division and period with 环比 and 同比, split by level, unit, category, channel and kind",
                    tag: "dashboards", parameters: cutParameters, ok: (200, ref("Dashboard")), errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/dashboard/orders",
            [
                "get": operation(
                    "The orders behind a figure (drill-down); count equals the figure",
                    tag: "dashboards", parameters: cutParameters + measureParameters + pageParameters, ok: (200, ref("DrillDown")),
                    errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/dashboard/orders.csv",
            [
                "get": .object([
                    ("summary", "The orders behind a figure as CSV (UTF-8 with BOM), streamed without a size cap; audited"), ("tags", ["dashboards"]),
                    ("parameters", .array(cutParameters + measureParameters)),
                    (
                        "responses",
                        .object(
                            [("200", ["description": "OK", "content": ["text/csv": ["schema": ["type": "string"]]]])]
                                + errors([401, 403, 404, 422]))
                    ),
                ])
            ]
        ),
        (
            "/api/v1/rankings",
            [
                "get": operation(
                    "Ranking of units by the composite score of an assessment scheme",
                    tag: "dashboards",
                    parameters: cutParameters + [
                        query("level", enumeration(["county", "township", "community", "grid", "department"]), "what to rank (default community)")
                    ],
                    ok: (200, ref("Ranking")), errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/assessment-schemes",
            [
                "get": operation(
                    "Assessment schemes (考核方案): weights, indicator parameters, ranking rules",
                    tag: "dashboards", ok: (200, ["type": "array", "items": ref("AssessmentScheme")]), errors: [401, 403])
            ]
        ),
        (
            "/api/v1/assessment-schemes/{code}",
            [
                "put": operation(
                    "Store an assessment scheme (audited)", tag: "dashboards",
                    parameters: [path("code")], body: ref("AssessmentScheme"), ok: (200, ref("AssessmentScheme")), errors: [401, 403, 422])
            ]
        ),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "IndicatorDefinition",
            object(
                [
                    ("id", text), ("name", text), ("nameEn", text), ("formula", text), ("formulaEn", text),
                    ("numerator", text), ("denominator", text), ("unit", enumeration(IndicatorUnit.allCases.map(\.rawValue))),
                    ("higherIsBetter", boolean),
                ], required: ["id", "name", "nameEn", "formula", "formulaEn", "unit", "higherIsBetter"])
        ),
        (
            "AssessmentScheme",
            object(
                [
                    ("code", ["type": "string", "minLength": 1]),
                    ("name", object([("zh", text), ("en", text)], required: ["zh", "en"])),
                    (
                        "weights",
                        [
                            "type": "array", "minItems": 1,
                            "items": object(
                                [
                                    ("indicator", enumeration(IndicatorID.allCases.map(\.rawValue))),
                                    ("weight", ["type": "number", "exclusiveMinimum": 0]),
                                ], required: ["indicator", "weight"]),
                        ]
                    ),
                    ("indicators", ["type": "object"]),
                    ("minimumOrders", ["type": "integer", "minimum": 0]),
                    ("decimals", ["type": "integer", "minimum": 0, "maximum": 4]),
                ], required: ["code", "name", "weights"])
        ),
        (
            "Indicators",
            object(
                [("indicators", ["type": "array", "items": ref("IndicatorDefinition")]), ("scheme", ref("AssessmentScheme"))],
                required: ["indicators", "scheme"])
        ),
        ("DivisionRef", object([("code", text), ("name", text), ("level", text)], required: ["code", "name", "level"])),
        (
            "IndicatorFigure",
            object(
                [
                    ("id", text), ("name", text), ("unit", text), ("formula", text), ("value", number), ("numerator", number),
                    ("denominator", number), ("basis", integer), ("previous", number), ("sameLastYear", number),
                    ("numeratorMeasures", ["type": "array", "items": text]), ("denominatorMeasure", text),
                ], required: ["id", "name", "unit", "formula", "basis", "numeratorMeasures"])
        ),
        (
            "CutTable",
            object(
                [
                    ("dimension", text),
                    (
                        "rows",
                        [
                            "type": "array",
                            "items": object(
                                [
                                    ("key", text), ("label", text), ("received", integer), ("counted", integer), ("values", numbers),
                                ], required: ["key", "label", "received", "counted", "values"]),
                        ]
                    ),
                ], required: ["dimension", "rows"])
        ),
        (
            "Dashboard",
            object(
                [
                    ("division", ref("DivisionRef")), ("period", text), ("first", text), ("last", text),
                    ("previousPeriod", text), ("sameLastYearPeriod", text), ("received", integer), ("counted", integer),
                    ("overdueOpen", integer), ("measures", ["type": "object", "additionalProperties": integer]),
                    (
                        "verification",
                        object(
                            [("verified", integer), ("failed", integer), ("checks", integer), ("averageMinutes", number)],
                            required: ["verified", "failed", "checks"])
                    ),
                    ("indicators", ["type": "array", "items": ref("IndicatorFigure")]),
                    (
                        "trend",
                        [
                            "type": "array",
                            "items": object(
                                [
                                    ("label", text), ("first", text), ("last", text), ("received", integer), ("closed", integer),
                                    ("satisfactionRate", number),
                                ], required: ["label", "first", "last", "received", "closed"]),
                        ]
                    ),
                    ("cuts", ["type": "array", "items": ref("CutTable")]),
                ], required: ["division", "period", "received", "counted", "overdueOpen", "measures", "indicators", "trend", "cuts"])
        ),
        (
            "Ranking",
            object(
                [
                    ("level", text), ("division", ref("DivisionRef")), ("period", text), ("scheme", text), ("formula", text),
                    (
                        "rows",
                        [
                            "type": "array",
                            "items": object(
                                [
                                    ("rank", integer), ("code", text), ("name", text), ("score", number), ("orders", integer),
                                    ("standing", enumeration(["ranked", "tooFewOrders", "noScore"])), ("values", numbers),
                                ], required: ["code", "name", "orders", "standing", "values"]),
                        ]
                    ),
                ], required: ["level", "division", "period", "scheme", "formula", "rows"])
        ),
        (
            "DrillDown",
            object(
                [
                    ("measure", text), ("count", integer), ("nextCursor", nullable("string")),
                    (
                        "items",
                        [
                            "type": "array",
                            "items": object(
                                [
                                    ("id", uuid), ("number", text), ("title", text), ("status", text), ("createdAt", dateTime),
                                    ("divisionCode", text), ("categoryCode", text),
                                ], required: ["id", "number", "title", "status", "createdAt", "divisionCode", "categoryCode"]),
                        ]
                    ),
                ], required: ["measure", "count", "items"])
        ),
    ]
}
