import Vapor
import LianxinCore

/// The party-member points operations of /openapi.json.
enum PartyOpenAPI: OpenAPIVocabulary {
    static var created: JSONValue { object([("id", uuid), ("status", text)], required: ["id"]) }
    static var dimension: JSONValue { enumeration(PartyPointsDimension.allCases.map(\.rawValue)) }
    static var status: JSONValue { enumeration(PartyPointsEntryStatus.allCases.map(\.rawValue)) }
    static var yearParameter: JSONValue { query("year", integer, "the year (Beijing time); this year when absent") }
    static var entry: JSONValue {
        object([
            ("id", uuid), ("memberId", uuid), ("member", text), ("rule", text), ("dimension", dimension), ("points", integer),
            ("occurredOn", text), ("evidence", text), ("status", status), ("submittedBy", text), ("decidedBy", nullable("string")),
            ("decisionNote", nullable("string")),
        ])
    }
    static var ledger: JSONValue {
        object([
            ("memberId", uuid), ("name", text), ("kind", enumeration(["member", "activist"])), ("branchId", uuid), ("branch", text),
            ("year", integer), ("basePoints", integer),
            ("dimensions", ["type": "array", "items": object([("dimension", dimension), ("points", integer)])]), ("total", integer),
            ("stars", integer), ("posts", ["type": "array", "items": text]), ("households", integer),
            ("householdLoad", enumeration(HouseholdLinkLoad.allCases.map(\.rawValue))), ("entries", ["type": "array", "items": entry]),
        ])
    }
    static var ranking: JSONValue {
        object([
            ("branchId", uuid), ("branch", text), ("year", integer),
            (
                "places",
                [
                    "type": "array",
                    "items": object([("rank", integer), ("memberId", uuid), ("name", text), ("total", integer), ("stars", integer)]),
                ]
            ),
        ])
    }
    static var overview: JSONValue {
        object([
            ("year", integer), ("branches", integer), ("members", integer), ("activists", integer), ("claimedMembers", integer),
            ("pendingEntries", integer), ("approvedPoints", integer), ("householdsWithin", integer), ("householdsCredited", integer),
            ("householdPointsAwarded", integer), ("householdPointsSpent", integer), ("stars", ["type": "array", "items": integer]),
            ("months", ["type": "array", "items": object([("month", text), ("entries", integer), ("points", integer), ("bar", integer)])]),
            ("divisions", ["type": "array", "items": ["type": "object"]]), ("branchList", ["type": "array", "items": ["type": "object"]]),
        ])
    }

    static var householdLedger: JSONValue {
        object([
            ("householdId", uuid), ("address", text), ("balance", integer),
            (
                "lines",
                [
                    "type": "array",
                    "items": object([
                        ("reason", enumeration(PointsReason.allCases.map(\.rawValue))), ("label", text), ("amount", integer), ("at", text),
                    ]),
                ]
            ),
        ])
    }

    static let paths: [(String, JSONValue)] =
        households + [
            (
                "/api/v1/party/overview",
                [
                    "get": operation(
                        "The points system at a glance: counts, approved points by month, by division, star ratings", tag: "party",
                        parameters: [yearParameter], ok: (200, overview), errors: [401, 403, 422])
                ]
            ),
            (
                "/api/v1/party/branches",
                [
                    "post": operation(
                        "Register a party branch (党支部) of a village or community in the caller's division", tag: "party",
                        body: object([("name", text), ("secretaryName", text), ("divisionCode", text)], required: ["name", "secretaryName"]),
                        ok: (201, created), errors: [401, 403, 409, 422])
                ]
            ),
            (
                "/api/v1/party/branches/{id}/ranking",
                [
                    "get": operation(
                        "A branch's members ranked by the year's total (equal totals share a rank), with their stars", tag: "party",
                        parameters: [path("id", uuid), yearParameter], ok: (200, ranking), errors: [401, 403, 404, 422])
                ]
            ),
            (
                "/api/v1/party/members",
                [
                    "post": operation(
                        "Register a party member or an activist (入党积极分子) in a branch", tag: "party",
                        body: object(
                            [("branchId", uuid), ("name", text), ("kind", enumeration(["member", "activist"]))], required: ["branchId", "name"]),
                        ok: (201, created), errors: [401, 403, 422])
                ]
            ),
            (
                "/api/v1/party/members/{id}/ledger",
                [
                    "get": operation(
                        "A member's year: base points, each dimension after the caps, total, stars, posts claimed, households linked (党员联户) "
                            + "and every entry", tag: "party", parameters: [path("id", uuid), yearParameter], ok: (200, ledger),
                        errors: [401, 403, 404, 422])
                ]
            ),
            (
                "/api/v1/party/members/{id}/claims",
                [
                    "post": operation(
                        "The member claims a post (认领岗位) for a year, once", tag: "party", parameters: [path("id", uuid)],
                        body: object([("postId", uuid), ("year", integer)], required: ["postId"]), ok: (201, created),
                        errors: [401, 403, 404, 409, 422])
                ]
            ),
            (
                "/api/v1/party/posts",
                [
                    "get": operation(
                        "The posts members may claim (设岗定责)", tag: "party",
                        ok: (200, ["type": "array", "items": object([("id", uuid), ("name", text), ("duty", text), ("divisionCode", text)])])),
                    "post": operation(
                        "Add a post (e.g. 维护稳定岗) for a division", tag: "party",
                        body: object([("name", text), ("duty", text), ("divisionCode", text)], required: ["name"]), ok: (201, created),
                        errors: [401, 403, 409, 422]),
                ]
            ),
            (
                "/api/v1/party/rules",
                [
                    "get": operation(
                        "The points rules (积分细则) that apply in the caller's division", tag: "party",
                        ok: (
                            200,
                            [
                                "type": "array",
                                "items": object([
                                    ("id", uuid), ("dimension", dimension), ("label", text), ("points", integer), ("yearlyCap", integer),
                                    ("divisionCode", text),
                                ]),
                            ]
                        )),
                    "post": operation(
                        "Add a rule: a dimension, what one entry gives (or deducts) and its yearly cap (branch secretary; audited)", tag: "party",
                        body: object(
                            [("dimension", dimension), ("label", text), ("points", integer), ("yearlyCap", integer), ("divisionCode", text)],
                            required: ["dimension", "label", "points"]), ok: (201, created), errors: [401, 403, 422]),
                ]
            ),
            (
                "/api/v1/party/scheme",
                [
                    "put": operation(
                        "Set a division's scheme: base points, a dimension's yearly cap, the five/four/three/two-star thresholds "
                            + "(branch secretary; audited)", tag: "party",
                        body: object(
                            [
                                ("divisionCode", text), ("basePoints", integer), ("dimensionCap", integer),
                                ("starThresholds", ["type": "array", "items": integer]),
                            ],
                            required: ["basePoints", "dimensionCap", "starThresholds"]),
                        ok: (
                            200,
                            object([("basePoints", integer), ("dimensionCap", integer), ("starThresholds", ["type": "array", "items": integer])])
                        ),
                        errors: [401, 403, 422])
                ]
            ),
            (
                "/api/v1/party/entries",
                [
                    "get": operation(
                        "Entries in scope, newest first", tag: "party", parameters: [query("status", status, "only entries in this state")],
                        ok: (200, ["type": "array", "items": entry]), errors: [401, 403, 422]),
                    "post": operation(
                        "Record an entry for a member under a rule, with the day and the evidence; it counts once approved", tag: "party",
                        body: object(
                            [("memberId", uuid), ("ruleId", uuid), ("occurredOn", text), ("evidence", text)],
                            required: ["memberId", "ruleId", "evidence"]),
                        ok: (201, created), errors: [401, 403, 422]),
                ]
            ),
            (
                "/api/v1/party/entries/{id}/decision",
                [
                    "post": operation(
                        "The branch secretary approves or refuses (with a reason) a pending entry; audited", tag: "party",
                        parameters: [path("id", uuid)],
                        body: object(
                            [("decision", enumeration(PartyPointsDecision.allCases.map(\.rawValue))), ("note", text)], required: ["decision"]),
                        ok: (200, created), errors: [401, 403, 404, 409, 422])
                ]
            ),
        ]

    static let households: [(String, JSONValue)] = [
        (
            "/api/v1/party/conduct-items",
            [
                "get": operation(
                    "The conduct items households are credited for (以评弘德) in the caller's division", tag: "party",
                    ok: (200, ["type": "array", "items": object([("id", uuid), ("label", text), ("points", integer), ("divisionCode", text)])])),
                "post": operation(
                    "Add a conduct item (e.g. 庭院整洁, 孝老爱亲) worth 1–50 points", tag: "party",
                    body: object([("label", text), ("points", integer), ("divisionCode", text)], required: ["label", "points"]),
                    ok: (201, created), errors: [401, 403, 422]),
            ]
        ),
        (
            "/api/v1/party/households/{id}/points",
            [
                "get": operation(
                    "A household's points on the community ledger: balance and lines (credited conduct, exchanges at merchants)", tag: "party",
                    parameters: [path("id", uuid)], ok: (200, householdLedger), errors: [401, 403, 404])
            ]
        ),
        (
            "/api/v1/party/households/{id}/conduct",
            [
                "post": operation(
                    "Credit a household for a conduct item with the day and the evidence; spend its points with `householdId` at "
                        + "`/api/v1/points-exchanges`", tag: "party", parameters: [path("id", uuid)],
                    body: object([("itemId", uuid), ("occurredOn", text), ("evidence", text)], required: ["itemId", "evidence"]),
                    ok: (201, householdLedger), errors: [401, 403, 404, 422])
            ]
        ),
    ]
}
