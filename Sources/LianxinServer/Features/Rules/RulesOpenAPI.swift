import Vapor
import LianxinCore

/// The Rules operations and schemas of /openapi.json.
enum RulesOpenAPI: OpenAPIVocabulary {
    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/categories",
            [
                "get": operation("The category tree", tag: "reference", ok: (200, ["type": "array", "items": ref("Category")]), errors: [401]),
                "post": operation(
                    "Create a category of the dispatch catalogue (system administrator of the deployment; audited)", tag: "catalogue",
                    body: CatalogueOpenAPI.categoryBody, ok: (201, ref("CategoryDetail")), errors: [400, 401, 403, 422]),
            ]
        ),
        (
            "/api/v1/routing-rules",
            [
                "get": operation(
                    "Routing rules (admin)", tag: "rules", ok: (200, ["type": "array", "items": ref("RoutingRule")]), errors: [401, 403]),
                "post": operation(
                    "Create or replace the rule for a category in a division (admin)", tag: "rules", body: ref("RoutingRule"),
                    ok: (200, ref("RoutingRule")), errors: [400, 401, 403, 422]),
            ]
        ),
        (
            "/api/v1/routing-rules/{id}",
            [
                "delete": operation(
                    "Delete a routing rule (admin)", tag: "rules", parameters: [path("id", uuid)],
                    ok: (204, nil), errors: [401, 403, 404])
            ]
        ),
        (
            "/api/v1/sla-policies",
            ["get": operation("SLA policies", tag: "rules", ok: (200, ["type": "array", "items": ref("SLAPolicy")]), errors: [401])]
        ),
        (
            "/api/v1/sla-policies/{code}",
            [
                "put": operation(
                    "Create or replace an SLA policy (admin)", tag: "rules", parameters: [path("code")],
                    body: ref("SLAPolicy"), ok: (200, ref("SLAPolicy")), errors: [400, 401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/calendar-days",
            [
                "get": operation(
                    "Holidays and make-up working days", tag: "rules", parameters: [query("year", text, "e.g. 2027")],
                    ok: (
                        200,
                        [
                            "type": "array",
                            "items": object([("day", text), ("kind", enumeration(["holiday", "workday"])), ("name", nullable("string"))]),
                        ]
                    ),
                    errors: [401, 422]),
                "post": .object([
                    ("summary", "Add a holiday notice as text lines `date,kind[,name]` (admin)"), ("tags", ["rules"]),
                    ("requestBody", ["required": true, "content": ["text/plain": ["schema": ["type": "string"]]]]),
                    ("responses", .object([("200", ["description": "The days added"])] + errors([400, 401, 403, 422]))),
                ]),
            ]
        ),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "Category",
            object([
                ("code", text), ("name", text), ("parentCode", nullable("string")), ("defaultDepartmentCode", nullable("string")),
                ("slaPolicy", text),
            ])
        ),
        (
            "RoutingRule",
            object(
                [("id", uuid), ("categoryCode", text), ("divisionCode", text), ("departmentCode", text)],
                required: ["categoryCode", "divisionCode", "departmentCode"])
        ),
        (
            "SLAPolicy",
            object(
                [
                    ("code", text), ("name", text), ("englishName", text),
                    ("stages", ["type": "array", "items": ["type": "object"]]),
                ], required: ["code", "name", "stages"])
        ),
    ]
}
