import Vapor
import LianxinCore

extension WorkOrdersOpenAPI {
    static let pathsWorkOrders: [(String, JSONValue)] = [
        (
            "/api/v1/work-orders",
            [
                "get": operation(
                    "Work orders in your scope, newest first", tag: "work orders",
                    parameters: pageParameters + [
                        query("status", text, "comma-separated statuses: " + WorkOrderStatus.allCases.map(\.rawValue).joined(separator: ", ")),
                        query("category", text, "category code prefix"), query("division", text, "division code"),
                        query("department", uuid, "department id"), query("overdue", enumeration(["true", "false"]), "overdue only"),
                        query("phone", text, "the caller's phone number: their earlier requests (matched through the blind index)"),
                        query("supervised", enumeration(["true", "false"]), "under supervision"),
                        query("createdFrom", dateTime, "created at or after"), query("createdTo", dateTime, "created before"),
                    ],
                    ok: (200, page(of: "WorkOrder")), errors: [401, 403, 422]),
                "post": .object([
                    ("summary", "Record a request (受理); Idempotency-Key makes retries safe"), ("tags", ["work orders"]),
                    (
                        "parameters",
                        [
                            [
                                "name": "Idempotency-Key", "in": "header", "required": false,
                                "schema": ["type": "string", "minLength": 1, "maxLength": 200],
                            ]
                        ]
                    ),
                    ("requestBody", ["required": true, "content": json(ref("NewWorkOrder"))]),
                    (
                        "responses",
                        .object(
                            [
                                ("201", ["description": "Created", "content": json(ref("WorkOrder"))]),
                                (
                                    "200",
                                    ["description": "The order an earlier request with the same key created", "content": json(ref("WorkOrder"))]
                                ),
                            ]
                                + errors([400, 401, 403, 409, 422]))
                    ),
                ]),
            ]
        ),
        (
            "/api/v1/work-orders/{id}",
            [
                "get": operation(
                    "One work order", tag: "work orders", parameters: [path("id", uuid)], ok: (200, ref("WorkOrder")), errors: [401, 403, 404])
            ]
        ),
        (
            "/api/v1/work-orders/{id}/events",
            [
                "get": operation(
                    "The order's history", tag: "work orders", parameters: [path("id", uuid)],
                    ok: (200, ["type": "array", "items": ref("WorkOrderEvent")]), errors: [401, 403, 404])
            ]
        ),
        (
            "/api/v1/work-orders/{id}/transitions",
            [
                "post": operation(
                    "Take one step of the lifecycle (409 with the reason when not allowed)", tag: "work orders",
                    parameters: [path("id", uuid)], body: ref("Transition"), ok: (200, ref("WorkOrder")), errors: [400, 401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/work-orders/{id}/duplicates",
            [
                "get": operation(
                    "Open orders that look like the same problem as this one (suggestions; nothing is merged)",
                    tag: "work orders", parameters: [path("id", uuid)],
                    ok: (
                        200,
                        [
                            "type": "array",
                            "items": object([
                                ("orderId", uuid), ("number", text), ("title", text), ("status", text), ("score", number),
                                ("textSimilarity", number), ("distanceMeters", nullable("number")), ("hoursApart", number),
                                ("sameCaller", boolean),
                            ]),
                        ]
                    ),
                    errors: [401, 403, 404])
            ]
        ),
        (
            "/api/v1/work-orders/suggestions",
            [
                "post": operation(
                    "Likely categories (with their departments) and possible duplicates while a request is typed",
                    tag: "work orders",
                    body: object([
                        ("title", text), ("description", text), ("divisionCode", text), ("latitude", number), ("longitude", number),
                        ("requesterPhone", text),
                    ]),
                    ok: (
                        200,
                        object([
                            ("modelVersion", integer),
                            (
                                "categories",
                                [
                                    "type": "array",
                                    "items": object([
                                        ("code", text), ("name", text), ("confidence", number),
                                        ("departmentId", nullable("string", format: "uuid")), ("departmentName", nullable("string")),
                                        ("slaPolicy", nullable("string")), ("slaPolicyName", nullable("string")),
                                    ]),
                                ]
                            ),
                            (
                                "knowledge",
                                [
                                    "type": "array",
                                    "items": object([("id", uuid), ("question", text), ("answer", text), ("score", number)]),
                                ]
                            ),
                            (
                                "duplicates",
                                [
                                    "type": "array",
                                    "items": object([
                                        ("orderId", uuid), ("number", text), ("title", text), ("status", text),
                                        ("score", number), ("textSimilarity", number), ("distanceMeters", nullable("number")),
                                        ("hoursApart", number), ("sameCaller", boolean),
                                    ]),
                                ]
                            ),
                            ("grid", nullable("string")), ("gridName", nullable("string")),
                        ])
                    ),
                    errors: [400, 401, 403, 422])
            ]
        ),
        (
            "/api/v1/work-orders/{id}/unmask",
            [
                "post": operation(
                    "Show the requester's full name and phone, with a reason (audited)", tag: "work orders",
                    parameters: [path("id", uuid)], body: object([("reason", text)], required: ["reason"]),
                    ok: (200, object([("requesterName", nullable("string")), ("requesterPhone", nullable("string"))])),
                    errors: [400, 401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/work-orders/{id}/attachments",
            [
                "get": operation(
                    "The order's photos", tag: "work orders", parameters: [path("id", uuid)],
                    ok: (200, ["type": "array", "items": ref("Attachment")]), errors: [401, 403, 404]),
                "post": photoUpload(
                    "Attach a photo (JPEG, PNG, WebP, GIF or HEIC, recognised by its bytes)", tag: "work orders",
                    parameters: [path("id", uuid)], errors: [401, 403, 404]),
            ]
        ),
        (
            "/api/v1/work-orders/{id}/attachments/{attachmentId}",
            [
                "get": [
                    "summary": "The photo's bytes", "tags": ["work orders"], "parameters": [path("id", uuid), path("attachmentId", uuid)],
                    "responses": .object(
                        [
                            ("200", ["description": "OK", "content": ["image/*": ["schema": ["type": "string", "format": "binary"]]]]),
                            ("304", ["description": "Not modified"]),
                        ] + errors([401, 403, 404])),
                ]
            ]
        ),
        (
            "/api/v1/inbox",
            ["get": operation("Your notifications", tag: "work orders", ok: (200, ["type": "array", "items": ref("InboxItem")]), errors: [401])]
        ),
        (
            "/api/v1/public/orders/{code}",
            [
                "get": operation(
                    "Follow a request by its tracking code (personal data masked)", tag: "residents",
                    parameters: [path("code")], ok: (200, ref("PublicOrder")), errors: [404], secured: false)
            ]
        ),
        (
            "/api/v1/public/orders/{code}/evaluation",
            [
                "post": operation(
                    "Evaluate a completed request (the requester confirms with the last four digits of their phone)", tag: "residents",
                    parameters: [path("code")],
                    body: object(
                        [
                            ("satisfaction", enumeration(Satisfaction.allCases.map(\.rawValue))), ("solved", boolean), ("comment", text),
                            ("phoneSuffix", ["type": "string", "pattern": "^[0-9]{4}$"]),
                        ],
                        required: ["satisfaction", "solved", "phoneSuffix"]),
                    ok: (200, ref("PublicOrder")), errors: [400, 404, 409, 422, 429], secured: false)
            ]
        ),
        (
            "/api/v1/public/orders/{code}/reopen",
            [
                "post": operation(
                    "Ask to reopen an evaluated or closed request (the requester confirms with the last four digits of their phone)",
                    tag: "residents", parameters: [path("code")],
                    body: object(
                        [("reason", text), ("phoneSuffix", ["type": "string", "pattern": "^[0-9]{4}$"])], required: ["reason", "phoneSuffix"]),
                    ok: (200, ref("PublicOrder")), errors: [400, 404, 409, 422, 429],
                    secured: false)
            ]
        ),
        (
            "/api/v1/public/orders/{code}/attachments",
            [
                "post": photoUpload(
                    "Add a photo to an open request: a well-formed image of at most LIANXIN_PUBLIC_PHOTO_MB (3 MB), its GPS position removed; a few an order (409) and an hourly and daily quota per client address (429)",
                    tag: "residents", parameters: [path("code")], errors: [404, 409, 429], secured: false)
            ]
        ),
        (
            "/api/v1/public/orders/{code}/information",
            [
                "post": operation(
                    "Add information (and uploaded photos) to an open request; ends a wait on you",
                    tag: "residents", parameters: [path("code")],
                    body: object([("note", text), ("photoIds", ["type": "array", "items": uuid])], required: ["note"]),
                    ok: (200, ref("PublicOrder")), errors: [400, 404, 409, 422], secured: false)
            ]
        ),
    ]
}
