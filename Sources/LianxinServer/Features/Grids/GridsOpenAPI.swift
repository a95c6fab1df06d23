import Vapor
import LianxinCore

/// The Grids operations and schemas of /openapi.json.
enum GridsOpenAPI: OpenAPIVocabulary {
    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/grids",
            [
                "get": .object([
                    (
                        "summary",
                        "Grids in force in your division, as a GeoJSON FeatureCollection (code, name, parent, version, generated, validFrom)"
                    ),
                    ("tags", ["grids"]),
                    (
                        "parameters",
                        [query("coordinates", enumeration(CoordinateSystem.allCases.map(\.rawValue)), "coordinate system to write (default wgs84)")]
                    ),
                    (
                        "responses",
                        .object(
                            [("200", ["description": "OK", "content": ["application/geo+json": ["schema": ["type": "object"]]]])]
                                + errors([401, 403, 422]))
                    ),
                ])
            ]
        ),
        (
            "/api/v1/grids/order-counts",
            [
                "get": operation(
                    "Orders per grid over a period, by the grid version each was filed in (cut=filed) or by the grids in force now (cut=current)",
                    tag: "grids",
                    parameters: [
                        query("cut", enumeration(["filed", "current"]), "which grids count"),
                        query("from", dateTime, "start (default 30 days before to)"),
                        query("to", dateTime, "end (default now)"),
                    ],
                    ok: (200, ["type": "array", "items": object([("gridCode", text), ("gridVersion", nullable("integer")), ("orders", integer)])]),
                    errors: [401, 403, 422])
            ]
        ),
        (
            "/api/v1/grids/import",
            [
                "post": .object([
                    ("summary", "Import grids (all or nothing; every problem listed; a changed grid gets a new version)"), ("tags", ["grids"]),
                    (
                        "parameters",
                        [
                            query(
                                "coordinates", enumeration(CoordinateSystem.allCases.map(\.rawValue)),
                                "coordinate system of the file (gcj02 is converted)"),
                            query("replace", boolean, "retire grids of the file's communities that the file leaves out"),
                        ]
                    ),
                    (
                        "requestBody",
                        [
                            "required": true,
                            "content": ["application/geo+json": ["schema": ["type": "object"]], "application/json": ["schema": ["type": "object"]]],
                        ]
                    ),
                    (
                        "responses",
                        .object(
                            [
                                (
                                    "200",
                                    [
                                        "description": "OK",
                                        "content": json(
                                            object([("added", integer), ("changed", integer), ("unchanged", integer), ("retired", integer)])),
                                    ]
                                )
                            ]
                                + errors([401, 403, 413, 422]))
                    ),
                ])
            ]
        ),
        (
            "/api/v1/grid-changes",
            [
                "get": operation(
                    "Grid changes (三上三下) in your division, newest first", tag: "grids", ok: (200, ["type": "array", "items": ref("GridChange")]),
                    errors: [401, 403]),
                "post": operation(
                    "Propose a split, merge, redraw or new grids (checked like an import; nothing changes until the county's date)", tag: "grids",
                    body: ref("GridChangeProposal"), ok: (201, ref("GridChange")), errors: [401, 403, 422]),
            ]
        ),
        (
            "/api/v1/grid-changes/{id}",
            [
                "get": operation(
                    "One change with its reviews, its plan and its impact (households, residents, orders of the last 12 months)", tag: "grids",
                    parameters: [path("id", uuid)], ok: (200, ref("GridChange")), errors: [401, 403, 404]),
                "put": operation(
                    "Resubmit a returned change (the next round; three at most)", tag: "grids", parameters: [path("id", uuid)],
                    body: ref("GridChangeProposal"), ok: (200, ref("GridChange")), errors: [401, 403, 404, 409, 422]),
            ]
        ),
        (
            "/api/v1/grid-changes/{id}/reviews",
            [
                "post": operation(
                    "A department approves, comments on or returns the change", tag: "grids",
                    parameters: [path("id", uuid)],
                    body: object([("decision", enumeration(["approve", "return", "comment"])), ("comment", text)], required: ["decision"]),
                    ok: (200, ref("GridChange")), errors: [401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/grid-changes/{id}/decision",
            [
                "post": operation(
                    "The county approves (with the day it takes effect) or returns the change", tag: "grids",
                    parameters: [path("id", uuid)],
                    body: object(
                        [
                            ("decision", enumeration(["approve", "return"])), ("effectiveOn", ["type": "string", "format": "date"]),
                            ("comment", text),
                        ], required: ["decision"]),
                    ok: (200, ref("GridChange")), errors: [401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/grid-staff",
            [
                "get": operation(
                    "Grid members in force on grids of your division", tag: "registry", parameters: [query("grid", text, "grid code")],
                    ok: (200, ["type": "array", "items": ref("GridStaff")]), errors: [401, 403]),
                "post": operation(
                    "Assign an account to a grid (one full-time member per grid: a second is 409)", tag: "registry",
                    body: object(
                        [("gridCode", text), ("username", text), ("userId", uuid), ("role", enumeration(["fullTime", "partTime"]))],
                        required: ["gridCode", "role"]),
                    ok: (201, ref("GridStaff")), errors: [400, 401, 403, 404, 409, 422]),
            ]
        ),
        (
            "/api/v1/grid-staff/{id}/end",
            [
                "post": operation(
                    "End an assignment now", tag: "registry", parameters: [path("id", uuid)],
                    ok: (200, ref("GridStaff")), errors: [401, 403, 404])
            ]
        ),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "GridChangeProposal",
            object(
                [
                    ("kind", enumeration(GridChangeProposal.kinds)), ("title", ["type": "string", "minLength": 1, "maxLength": 200]),
                    ("reason", ["type": "string", "minLength": 2, "maxLength": 4000]), ("retiringCodes", ["type": "array", "items": text]),
                    ("grids", ["type": "object", "description": "GeoJSON FeatureCollection of the new grids (code, name, parent)"]),
                ],
                required: ["kind", "title", "reason", "grids"])
        ),
        (
            "GridChange",
            object(
                [
                    ("id", uuid), ("divisionCode", text), ("kind", text), ("title", text), ("reason", text),
                    ("status", enumeration(["submitted", "returned", "approved", "effective", "failed", "withdrawn"])), ("round", integer),
                    ("retiringCodes", ["type": "array", "items": text]), ("proposedAt", dateTime), ("effectiveOn", nullable("string")),
                    ("appliedAt", nullable("string", format: "date-time")), ("failure", nullable("string")),
                    ("plan", object([("added", integer), ("changed", integer), ("unchanged", integer), ("retired", integer)])),
                    (
                        "reviews",
                        [
                            "type": "array",
                            "items": object([
                                ("round", integer), ("reviewer", text), ("role", text),
                                ("departmentId", nullable("string", format: "uuid")), ("decision", text), ("comment", text), ("at", dateTime),
                            ]),
                        ]
                    ),
                    ("impact", ["type": "object"]),
                ],
                required: ["id", "divisionCode", "kind", "title", "status", "round", "retiringCodes", "proposedAt"])
        ),
        (
            "GridStaff",
            object(
                [
                    ("id", uuid), ("gridCode", text), ("userId", uuid), ("username", text), ("displayName", text),
                    ("role", enumeration(["fullTime", "partTime"])), ("validFrom", dateTime), ("validTo", nullable("string", format: "date-time")),
                ],
                required: ["id", "gridCode", "userId", "username", "role", "validFrom"])
        ),
    ]
}
