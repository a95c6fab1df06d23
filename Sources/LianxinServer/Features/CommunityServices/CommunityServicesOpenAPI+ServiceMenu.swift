import Vapor
import LianxinCore

extension CommunityServicesOpenAPI {
    static let pathsServiceMenu: [(String, JSONValue)] = [
        (
            "/api/v1/service-menu",
            [
                "get": op(
                    "A community's service menu (上门理发, 磨刀, 家电维修…) in your division", parameters: [community],
                    ok: (200, array(Doc.ref("ServiceMenuItem"))), errors: read),
                "post": op(
                    "Add a service to a community's menu",
                    body: Doc.object([("communityCode", Doc.text), ("name", Doc.text), ("description", Doc.text)], required: ["name"]),
                    ok: (201, Doc.ref("ServiceMenuItem")), errors: write),
            ]
        ),
        (
            "/api/v1/service-orders",
            [
                "get": op(
                    "Service orders in your division, newest first",
                    parameters: [community, Doc.query("status", Doc.enumeration(ServiceOrderStatus.allCases.map(\.rawValue)), "one status")],
                    ok: (200, array(Doc.ref("ServiceOrder"))), errors: read),
                "post": op(
                    "Order a service for a resident (居民点单); all fields are checked and every problem named", body: Doc.ref("ServiceOrderInput"),
                    ok: (201, Doc.ref("ServiceOrder")), errors: write),
            ]
        ),
        (
            "/api/v1/service-orders/{id}",
            [
                "get": op(
                    "A service order with its history", parameters: [Doc.path("id", Doc.uuid)],
                    ok: (200, Doc.ref("ServiceOrder")), errors: read)
            ]
        ),
        (
            "/api/v1/service-orders/{id}/actions",
            [
                "post": op(
                    "Act on a service order: assign (社区派单) and cancel by the community; take (接单), decline and complete recorded for the volunteer; evaluate for the resident. A step out of turn is 409",
                    parameters: [Doc.path("id", Doc.uuid)], body: Doc.ref("ServiceOrderAction"), ok: (200, Doc.ref("ServiceOrder")), errors: write)
            ]
        ),
        (
            "/api/v1/public/service-menu/{community}",
            [
                "get": op(
                    "A community's active service menu, for residents", parameters: [Doc.path("community")],
                    ok: (200, array(Doc.ref("ServiceMenuItem"))), errors: [404], secured: false)
            ]
        ),
        (
            "/api/v1/public/service-orders",
            [
                "post": op(
                    "A resident orders a service; the answer carries the tracking code", body: Doc.ref("ServiceOrderInput"),
                    ok: (201, Doc.ref("PublicServiceOrder")), errors: [400, 422], secured: false)
            ]
        ),
        (
            "/api/v1/public/service-orders/{code}",
            [
                "get": op(
                    "Follow a service order by its tracking code (name masked, no staff or volunteer names)",
                    parameters: [Doc.path("code")], ok: (200, Doc.ref("PublicServiceOrder")), errors: [404], secured: false)
            ]
        ),
        (
            "/api/v1/public/service-orders/{code}/evaluation",
            [
                "post": op(
                    "The resident evaluates a completed service (confirming with the last four digits of their phone)",
                    parameters: [Doc.path("code")],
                    body: Doc.object(
                        [
                            ("satisfaction", Doc.enumeration(Satisfaction.allCases.map(\.rawValue))), ("solved", Doc.boolean), ("comment", Doc.text),
                            ("phoneSuffix", ["type": "string", "pattern": "^[0-9]{4}$"]),
                        ],
                        required: ["satisfaction", "phoneSuffix"]),
                    ok: (200, Doc.ref("PublicServiceOrder")), errors: [400, 403, 404, 409, 422, 429], secured: false)
            ]
        ),
        (
            "/api/v1/wishes",
            [
                "get": op(
                    "微心愿 in your division, newest first",
                    parameters: [community, Doc.query("status", Doc.enumeration(WishStatus.allCases.map(\.rawValue)), "one status")],
                    ok: (200, array(Doc.ref("Wish"))), errors: read),
                "post": op(
                    "Post a wish for a resident",
                    body: Doc.object(
                        [("communityCode", Doc.text), ("residentName", Doc.text), ("phone", Doc.text), ("title", Doc.text), ("details", Doc.text)],
                        required: ["residentName", "title"]),
                    ok: (201, Doc.ref("Wish")), errors: write),
            ]
        ),
        ("/api/v1/wishes/{id}", ["get": op("A wish", parameters: [Doc.path("id", Doc.uuid)], ok: (200, Doc.ref("Wish")), errors: read)]),
        (
            "/api/v1/wishes/{id}/claim",
            [
                "post": op(
                    "Claim a wish (once: a second claim, also a simultaneous one, is 409)", parameters: [Doc.path("id", Doc.uuid)],
                    body: Doc.object(
                        [
                            ("claimantKind", Doc.enumeration(WishClaimantKind.allCases.map(\.rawValue))), ("claimantName", Doc.text),
                            ("volunteerId", Doc.uuid),
                        ], required: ["claimantKind"]),
                    ok: (200, Doc.ref("Wish")), errors: write)
            ]
        ),
        (
            "/api/v1/wishes/{id}/fulfilment",
            [
                "post": [
                    "summary": "Fulfil a claimed wish with a photo: the image as the body, or a multipart form with `file` (and `note`)",
                    "tags": [.string(tag)],
                    "parameters": [Doc.path("id", Doc.uuid), Doc.query("note", Doc.text, "what was done")],
                    "requestBody": [
                        "required": true,
                        "content": [
                            "image/jpeg": ["schema": ["type": "string", "format": "binary"]],
                            "image/png": ["schema": ["type": "string", "format": "binary"]],
                            "multipart/form-data": [
                                "schema": Doc.object([("file", ["type": "string", "format": "binary"]), ("note", Doc.text)], required: ["file"])
                            ],
                        ],
                    ],
                    "responses": .object(
                        [("200", ["description": "OK", "content": Doc.json(Doc.ref("Wish"))])] + Doc.errors([400, 401, 403, 404, 409, 413, 415, 422])),
                ]
            ]
        ),
        (
            "/api/v1/wishes/{id}/photo",
            [
                "get": [
                    "summary": "The fulfilment photo", "tags": [.string(tag)],
                    "parameters": [Doc.path("id", Doc.uuid)],
                    "responses": .object(
                        [("200", ["description": "The image", "content": ["image/*": ["schema": ["type": "string", "format": "binary"]]]])]
                            + Doc.errors([401, 403, 404])),
                ]
            ]
        ),
        (
            "/api/v1/wishes/{id}/confirmation",
            [
                "post": op(
                    "Confirm a fulfilled wish for the resident; a claiming volunteer earns the wish points",
                    parameters: [Doc.path("id", Doc.uuid)], ok: (200, Doc.ref("Wish")), errors: write)
            ]
        ),
        (
            "/api/v1/wishes/{id}/withdrawal",
            [
                "post": op(
                    "Withdraw a wish nobody has claimed", parameters: [Doc.path("id", Doc.uuid)],
                    ok: (200, Doc.ref("Wish")), errors: write)
            ]
        ),
        (
            "/api/v1/public/wishes",
            [
                "get": op(
                    "The public wish wall: residents' names masked, numbers in the text starred", parameters: [community],
                    ok: (200, array(Doc.ref("WallWish"))), errors: [400, 422], secured: false)
            ]
        ),
        (
            "/api/v1/volunteers",
            [
                "get": op(
                    "Volunteers in your division with their balances", parameters: [community, Doc.query("team", Doc.uuid, "one team")],
                    ok: (200, array(Doc.ref("Volunteer"))), errors: read),
                "post": op(
                    "Register a volunteer (once per phone number; in-service party members report to this community)",
                    body: Doc.ref("VolunteerInput"),
                    ok: (201, Doc.ref("Volunteer")), errors: write),
            ]
        ),
        (
            "/api/v1/volunteers/{id}",
            [
                "get": op(
                    "A volunteer with service minutes and the ledger", parameters: [Doc.path("id", Doc.uuid)],
                    ok: (
                        200,
                        Doc.object(
                            [("volunteer", Doc.ref("Volunteer")), ("serviceMinutes", Doc.integer), ("entries", array(Doc.ref("PointsEntry")))],
                            required: ["volunteer", "serviceMinutes", "entries"])
                    ), errors: read)
            ]
        ),
        (
            "/api/v1/volunteers/{id}/link",
            [
                "post": op(
                    "Issue the volunteer's personal link, on which they take and complete their assigned service orders (audited; replaces an earlier link)",
                    parameters: [Doc.path("id", Doc.uuid)],
                    ok: (201, Doc.object([("volunteerId", Doc.uuid), ("url", Doc.text)], required: ["volunteerId", "url"])),
                    errors: [401, 403, 404])
            ]
        ),
        (
            "/api/v1/volunteer-teams",
            [
                "get": op("Volunteer teams in your division", ok: (200, array(Doc.ref("VolunteerTeam"))), errors: read),
                "post": op(
                    "Add a team", body: Doc.object([("communityCode", Doc.text), ("name", Doc.text)], required: ["name"]),
                    ok: (201, Doc.ref("VolunteerTeam")), errors: write),
            ]
        ),
        (
            "/api/v1/earn-rules/{community}",
            [
                "get": op(
                    "A community's earn rules (defaults when unset)", parameters: [Doc.path("community")], ok: (200, Doc.ref("EarnRules")),
                    errors: read),
                "put": op(
                    "Set a community's earn rules (audited)", parameters: [Doc.path("community")], body: Doc.ref("EarnRules"),
                    ok: (200, Doc.ref("EarnRules")), errors: write),
            ]
        ),
    ]
}
