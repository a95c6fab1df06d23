import Vapor
import LianxinCore

/// The Intelligence operations and schemas of /openapi.json.
enum IntelligenceOpenAPI: OpenAPIVocabulary {
    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/classifier",
            [
                "get": operation(
                    "The category classifier in use, stored versions, rejected versions and pending corrections",
                    tag: "intelligence", ok: (200, ref("ClassifierStatus")), errors: [401, 403])
            ]
        ),
        (
            "/api/v1/classifier/training",
            [
                "post": operation(
                    "Train on closed orders (and corrections), store the next version and use it",
                    tag: "intelligence",
                    body: object([
                        ("includeShipped", boolean), ("evaluate", boolean), ("folds", ["type": "integer", "minimum": 2, "maximum": 20]),
                        ("limit", ["type": "integer", "minimum": 1, "maximum": 2_000_000]),
                    ]),
                    ok: (
                        201,
                        object(
                            [
                                ("model", ref("ClassifierModel")), ("inUse", boolean),
                                ("evaluation", object([("folds", integer), ("accuracy", number), ("macroF1", number)])),
                            ], required: ["model", "inUse"])
                    ),
                    errors: [401, 403, 422])
            ]
        ),
        (
            "/api/v1/classifier/models",
            [
                "post": .object([
                    ("summary", "Store a model file trained elsewhere (lianxin train --out); a damaged file is refused"), ("tags", ["intelligence"]),
                    (
                        "requestBody",
                        ["required": true, "content": ["application/octet-stream": ["schema": ["type": "string", "format": "binary"]]]]
                    ),
                    (
                        "responses",
                        .object([("201", ["description": "Created", "content": json(ref("ClassifierModel"))])] + errors([401, 403, 413, 422]))
                    ),
                ])
            ]
        ),
        (
            "/api/v1/classifier/models/{version}",
            [
                "patch": operation(
                    "Disable or re-enable a stored version", tag: "intelligence",
                    parameters: [path("version", integer)], body: object([("disabled", boolean)], required: ["disabled"]),
                    ok: (200, ref("ClassifierModel")), errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/hotspots",
            [
                "get": operation(
                    "Hotspots of the latest pass in your division (未诉先办), largest first", tag: "intelligence",
                    parameters: [query("status", enumeration(["all", "open", "tasked", "dismissed"]), "filter by what was done")],
                    ok: (200, object([("run", ref("HotspotRun")), ("items", ["type": "array", "items": ref("Hotspot")])], required: ["items"])),
                    errors: [401, 403, 422])
            ]
        ),
        (
            "/api/v1/hotspots/runs",
            [
                "post": operation(
                    "Run a hotspot pass now (window ending now)", tag: "intelligence",
                    ok: (201, ref("HotspotRun")), errors: [401, 403, 409])
            ]
        ),
        (
            "/api/v1/hotspots/{id}",
            [
                "get": operation(
                    "One hotspot with sample orders", tag: "intelligence", parameters: [path("id", uuid)],
                    ok: (200, ref("Hotspot")), errors: [401, 403, 404])
            ]
        ),
        (
            "/api/v1/hotspots/{id}/task",
            [
                "post": operation(
                    "Turn the hotspot into a proactive task (channel proactive), routed like any order",
                    tag: "intelligence", parameters: [path("id", uuid)], body: object([("title", text), ("description", text)]),
                    ok: (201, ref("WorkOrder")), errors: [401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/hotspots/{id}/dismiss",
            [
                "post": operation(
                    "Mark the hotspot as needing no task, with the reason", tag: "intelligence",
                    parameters: [path("id", uuid)],
                    body: object([("reason", ["type": "string", "minLength": 2, "maxLength": 500])], required: ["reason"]),
                    ok: (200, ref("Hotspot")), errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/hotspot-parameters",
            [
                "get": operation(
                    "Hotspot detection parameters in force", tag: "intelligence", ok: (200, ref("HotspotSettings")), errors: [401, 403]),
                "put": operation(
                    "Change hotspot detection parameters (audited)", tag: "intelligence", body: ref("HotspotSettings"),
                    ok: (200, ref("HotspotSettings")), errors: [401, 403, 422]),
            ]
        ),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "ClassifierModel",
            object(
                [
                    ("version", integer), ("createdAt", dateTime), ("source", text), ("exampleCount", integer),
                    ("labels", ["type": "array", "items": text]), ("macroF1", nullable("number")), ("sha256", text), ("size", integer),
                    ("disabled", boolean),
                ], required: ["version", "createdAt", "source", "exampleCount", "labels", "sha256", "size", "disabled"])
        ),
        (
            "ClassifierStatus",
            object(
                [
                    ("version", integer), ("source", text), ("createdAt", dateTime), ("trainingExampleCount", integer),
                    ("featureCount", integer), ("labels", ["type": "array", "items": text]),
                    ("rejected", ["type": "array", "items": object([("version", integer), ("reason", text)])]),
                    ("corrections", integer), ("models", ["type": "array", "items": ref("ClassifierModel")]),
                ],
                required: ["version", "source", "labels", "rejected", "corrections", "models"])
        ),
        (
            "HotspotSettings",
            object(
                [
                    (
                        "detection",
                        object(
                            [
                                ("radiusMeters", number), ("minimumOrders", integer), ("windowHours", number),
                                ("separatesCategories", boolean), ("trendThreshold", number), ("sampleSize", integer),
                            ],
                            required: ["radiusMeters", "minimumOrders", "windowHours", "separatesCategories", "trendThreshold", "sampleSize"])
                    ),
                    ("intervalMinutes", integer),
                ], required: ["detection", "intervalMinutes"])
        ),
        (
            "HotspotRun",
            object(
                [
                    ("id", uuid), ("windowEnd", dateTime), ("finishedAt", nullable("string", format: "date-time")), ("orderCount", integer),
                    ("hotspotCount", integer), ("durationMs", number), ("parameters", ref("HotspotSettings")),
                ],
                required: ["id", "windowEnd", "orderCount", "hotspotCount", "durationMs"])
        ),
        (
            "Hotspot",
            object(
                [
                    ("id", uuid), ("runId", uuid), ("divisionCode", text), ("divisionName", text), ("mainDivisionCode", text),
                    ("latitude", number), ("longitude", number), ("radiusMeters", number), ("orderCount", integer), ("previousCount", integer),
                    ("trend", enumeration(["rising", "steady", "falling"])), ("categoryCode", text), ("categoryName", text),
                    ("categories", ["type": "array", "items": object([("code", text), ("name", text), ("count", integer)])]),
                    ("firstAt", dateTime), ("lastAt", dateTime), ("windowHours", number), ("explanation", text),
                    ("status", enumeration(["open", "tasked", "dismissed"])), ("taskOrderId", nullable("string", format: "uuid")),
                    ("note", nullable("string")),
                    (
                        "samples",
                        [
                            "type": "array",
                            "items": object([("orderId", uuid), ("number", text), ("title", text), ("status", text), ("createdAt", dateTime)]),
                        ]
                    ),
                ],
                required: ["id", "divisionCode", "orderCount", "trend", "categoryCode", "explanation", "status"])
        ),
    ]
}
