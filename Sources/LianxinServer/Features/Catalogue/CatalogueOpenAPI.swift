import Vapor
import LianxinCore

/// The dispatch catalogue's operations and schemas of /openapi.json.
enum CatalogueOpenAPI: OpenAPIVocabulary {
    static var categoryBody: JSONValue {
        object([
            ("code", ["type": "string", "minLength": 1, "maxLength": 32, "description": "letters, digits, . _ -; unique; fixed once created"]),
            ("name", ["type": "string", "minLength": 1, "maxLength": 50]),
            ("parentCode", string("the parent category's code (on create; use move afterwards)")),
            ("roles", string("department role per level: 城管, or 住建;township=村镇建设")),
            ("keywords", ["type": "array", "maxItems": 30, "items": text]), ("aliases", ["type": "array", "maxItems": 30, "items": text]),
            ("slaPolicy", string("an SLA policy code; a new category without one takes its parent's")),
            ("tier", enumeration(Tier.allCases.map(\.rawValue))), ("isPublic", boolean),
            ("requiresVerification", boolean),
            ("activeFrom", ["type": "string", "format": "date"]), ("activeTo", ["type": "string", "format": "date"]),
        ])
    }

    static let code = path("code", text)

    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/categories/{code}",
            [
                "get": operation(
                    "A category with its versions, newest first", tag: "reference", parameters: [code], ok: (200, ref("CategoryDetail")),
                    errors: [401, 404]),
                "patch": operation(
                    "Edit a category: a new version (system administrator of the deployment; audited)", tag: "catalogue",
                    parameters: [code], body: categoryBody, ok: (200, ref("CategoryDetail")), errors: [400, 401, 403, 404, 422]),
            ]
        ),
        (
            "/api/v1/categories/{code}/move",
            [
                "post": operation(
                    "Move a category under another parent (blank: to the top); a cycle is refused", tag: "catalogue", parameters: [code],
                    body: object([("parentCode", text)]), ok: (200, ref("CategoryDetail")), errors: [400, 401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/categories/{code}/disable",
            [
                "post": operation(
                    "Disable a category: new orders can no longer name it; filed orders keep it", tag: "catalogue", parameters: [code],
                    ok: (200, ref("CategoryDetail")), errors: [401, 403, 404])
            ]
        ),
        (
            "/api/v1/categories/{code}/enable",
            [
                "post": operation(
                    "Enable a disabled category", tag: "catalogue", parameters: [code], ok: (200, ref("CategoryDetail")),
                    errors: [401, 403, 404])
            ]
        ),
        (
            "/api/v1/category-roles",
            [
                "get": operation(
                    "The role → unit mapping of the divisions on your line", tag: "catalogue",
                    parameters: [query("division", text, "a division in your scope")],
                    ok: (200, ["type": "array", "items": ref("CategoryRole")]), errors: [401, 403, 422]),
                "put": operation(
                    "Set the unit that plays a role in a division of your scope (blank unit: remove); audited", tag: "catalogue",
                    body: ref("CategoryRole"), ok: (200, ref("CategoryRole")), errors: [400, 401, 403, 422]),
            ]
        ),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "CategoryDetail",
            object([
                ("category", categoryBody),
                (
                    "versions",
                    [
                        "type": "array",
                        "items": object([
                            ("version", integer), ("name", text), ("parentCode", nullable("string")), ("change", text), ("actor", text),
                            ("at", dateTime),
                        ]),
                    ]
                ),
            ])
        ),
        ("CategoryRole", object([("divisionCode", text), ("role", text), ("departmentCode", nullable("string"))])),
    ]
}
