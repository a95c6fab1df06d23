import Vapor
import LianxinCore

/// The Rentals operations and schemas of /openapi.json.
enum RentalsOpenAPI: OpenAPIVocabulary {
    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/rental-units",
            [
                "get": operation(
                    "Rental units in your scope by address", tag: "rentals",
                    parameters: pageParameters + [query("grid", text, "grid code")], ok: (200, page(of: "RentalUnit")), errors: [401, 403, 422]),
                "post": operation(
                    "Create a rental unit in a grid in force in your scope; the answer carries the landlord's link, shown once (audited)",
                    tag: "rentals",
                    body: object(
                        [
                            ("gridCode", text), ("address", ["type": "string", "minLength": 1, "maxLength": 200]), ("buildingId", uuid),
                            ("landlordName", ["type": "string", "minLength": 1, "maxLength": 50]), ("landlordPhone", text),
                        ],
                        required: ["gridCode", "address", "landlordName", "landlordPhone"]),
                    ok: (201, ref("RentalUnit")), errors: [400, 401, 403, 422]),
            ]
        ),
        (
            "/api/v1/rental-units/{id}",
            [
                "get": operation(
                    "One rental unit with its current tenants, masked (404 outside your scope)", tag: "rentals",
                    parameters: [path("id", uuid)], ok: (200, ref("RentalUnit")), errors: [401, 403, 404])
            ]
        ),
        (
            "/api/v1/rental-units/{id}/qr.png",
            [
                "get": .object([
                    ("summary", "The unit's check-in QR code as PNG (payload: {publicBaseURL}/p/checkin/{publicCode})"), ("tags", ["rentals"]),
                    ("parameters", [path("id", uuid)]),
                    (
                        "responses",
                        .object(
                            [("200", ["description": "OK", "content": ["image/png": ["schema": ["type": "string", "format": "binary"]]]])]
                                + errors([401, 403, 404]))
                    ),
                ])
            ]
        ),
        (
            "/api/v1/rental-units/{id}/qr.svg",
            [
                "get": .object([
                    ("summary", "The unit's check-in QR code as SVG"), ("tags", ["rentals"]),
                    ("parameters", [path("id", uuid)]),
                    (
                        "responses",
                        .object(
                            [("200", ["description": "OK", "content": ["image/svg+xml": ["schema": ["type": "string"]]]])] + errors([401, 403, 404]))
                    ),
                ])
            ]
        ),
        (
            "/api/v1/visit-tasks",
            [
                "get": operation(
                    "Your open visit tasks (人住即访: visit a new tenant within 24 h), the earliest due first", tag: "rentals",
                    ok: (200, ["type": "array", "items": ref("VisitTask")]), errors: [401, 403])
            ]
        ),
        (
            "/api/v1/visit-tasks/{id}/done",
            [
                "post": operation(
                    "Mark one of your visit tasks done, with a note (audited)", tag: "rentals",
                    parameters: [path("id", uuid)], body: object([("note", ["type": "string", "maxLength": 500])]),
                    ok: (200, ref("VisitTask")), errors: [400, 401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/floating-residents",
            [
                "get": operation(
                    "双重管理: current tenants registered in your division living elsewhere (outgoing), or living in your scope (incoming); masked",
                    tag: "rentals",
                    parameters: [["name": "direction", "in": "query", "required": true, "schema": enumeration(["outgoing", "incoming"])]],
                    ok: (200, ["type": "array", "items": ref("FloatingResident")]), errors: [401, 403, 422])
            ]
        ),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "Tenant",
            object(
                [
                    ("id", uuid), ("name", string("masked")), ("idNumber", string("masked: first 6 and last 4 characters")),
                    ("phone", string("masked")),
                    ("gender", enumeration(["male", "female"])), ("registrationDivision", text), ("movedIn", ["type": "string", "format": "date"]),
                    ("movedOut", nullable("string", format: "date")),
                ], required: ["id", "name", "idNumber", "phone", "registrationDivision", "movedIn"])
        ),
        (
            "RentalUnit",
            object(
                [
                    ("id", uuid), ("publicCode", text), ("checkInUrl", text), ("address", text), ("buildingId", nullable("string", format: "uuid")),
                    ("gridCode", text), ("communityCode", text), ("landlordName", text), ("landlordPhone", string("masked")), ("active", boolean),
                    ("createdAt", dateTime), ("landlordLink", string("only when created: the landlord's page, shown once")),
                    ("currentTenants", ["type": "array", "items": ref("Tenant")]),
                ],
                required: [
                    "id", "publicCode", "checkInUrl", "address", "gridCode", "communityCode", "landlordName", "landlordPhone", "active", "createdAt",
                ])
        ),
        (
            "VisitTask",
            object(
                [
                    ("id", uuid), ("kind", enumeration(["newTenant"])), ("gridCode", text), ("dueAt", dateTime), ("overdue", boolean),
                    ("doneAt", nullable("string", format: "date-time")), ("note", nullable("string")),
                    ("tenancyId", nullable("string", format: "uuid")),
                    ("tenantName", nullable("string")), ("address", nullable("string")), ("movedIn", nullable("string", format: "date")),
                ],
                required: ["id", "kind", "gridCode", "dueAt", "overdue"])
        ),
        (
            "FloatingResident",
            object(
                [
                    ("name", string("masked")), ("idNumber", string("masked")), ("registrationDivision", text), ("registrationDivisionName", text),
                    ("communityCode", text), ("communityName", text), ("since", ["type": "string", "format": "date"]),
                    ("tenancyId", uuid), ("gridCode", text), ("address", text),
                ],
                required: ["name", "idNumber", "registrationDivision", "communityCode", "since"])
        ),
    ]
}
