import LianxinCore
import Vapor

/// The city asset (部件) operations of /openapi.json.
enum AssetsOpenAPI: OpenAPIVocabulary {
    static var asset: JSONValue {
        object([
            ("id", uuid), ("code", text), ("classCode", text), ("className", text), ("name", text), ("divisionCode", text),
            ("latitude", number), ("longitude", number), ("address", nullable("string")), ("ownerUnitId", uuid), ("ownerUnitName", text),
            ("status", enumeration(AssetStatus.allCases.map(\.rawValue))), ("statusTitle", text), ("updatedAt", dateTime),
        ])
    }

    static var detail: JSONValue {
        object([
            ("asset", asset),
            (
                "history",
                [
                    "type": "array",
                    "items": object([
                        ("kind", enumeration(["registered", "imported", "edited", "reported"])), ("detail", nullable("string")),
                        ("orderId", nullable("string", format: "uuid")), ("orderNumber", nullable("string")),
                        ("orderStatus", nullable("string")), ("at", dateTime),
                    ]),
                ]
            ),
        ])
    }

    static let id = path("id", text)

    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/asset-classes",
            [
                "get": operation(
                    "The asset classes (部件小类) of GB/T 30428.2 the registry accepts", tag: "assets",
                    ok: (
                        200,
                        ["type": "array", "items": object([("code", text), ("name", text), ("majorCode", text), ("majorName", text)])]
                    ), errors: [401, 403])
            ]
        ),
        (
            "/api/v1/assets",
            [
                "get": operation(
                    "City assets (部件) in the caller's division, by code", tag: "assets",
                    parameters: [
                        query("classCode", text, "a four-digit class code"),
                        query("status", enumeration(AssetStatus.allCases.map(\.rawValue)), "intact, damaged, missing or retired"),
                    ], ok: (200, ["type": "array", "items": asset]), errors: [400, 401, 403, 422])
            ]
        ),
        (
            "/api/v1/assets/import",
            [
                "post": operation(
                    "Import assets from a CSV file (code, class, name, longitude, latitude, owner_unit, status, address) or a GeoJSON "
                        + "FeatureCollection of points sent as the body: all or nothing; a refused file answers 422 with one problem per "
                        + "row and field (/rows/{n}/{field}) (city-management centre)",
                    tag: "assets",
                    body: object([("type", enumeration(["FeatureCollection"])), ("features", ["type": "array", "items": ["type": "object"]])]),
                    ok: (200, object([("created", integer), ("updated", integer)])), errors: [400, 401, 403, 413, 422])
            ]
        ),
        (
            "/api/v1/assets/{id}",
            [
                "get": operation(
                    "One asset (by id or sixteen-digit code) with its history: registration, imports, edits and the orders filed about it",
                    tag: "assets", parameters: [id], ok: (200, detail), errors: [401, 403, 404]),
                "patch": operation(
                    "Change an asset's status, owner unit or name; the history records what changed (city-management centre)",
                    tag: "assets", parameters: [id],
                    body: object([("status", enumeration(AssetStatus.allCases.map(\.rawValue))), ("ownerUnitId", uuid), ("name", text)]),
                    ok: (200, asset), errors: [400, 401, 403, 404, 422]),
            ]
        ),
        (
            "/api/v1/assets/{id}/reports",
            [
                "post": operation(
                    "Report a problem with the asset: an order at its place, suggested to its owner unit, listed in its history "
                        + "(the fields of a new work order; place and division come from the asset; Idempotency-Key honoured)",
                    tag: "assets", parameters: [id],
                    body: object(
                        [
                            ("title", text), ("description", text), ("categoryCode", text), ("channel", text), ("requestKind", text),
                            ("requesterName", text), ("requesterPhone", text), ("anonymous", boolean),
                        ], required: ["title", "description", "categoryCode"]),
                    ok: (201, ref("WorkOrder")), errors: [400, 401, 403, 404, 409, 422])
            ]
        ),
    ]
}
