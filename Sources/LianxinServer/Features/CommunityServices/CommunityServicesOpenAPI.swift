import Vapor
import LianxinCore

/// The community-services operations and schemas of /openapi.json.
enum CommunityServicesOpenAPI {
    typealias Doc = OpenAPIDocument
    private static let tag = "community-services"
    private static let write = [400, 401, 403, 404, 409, 422]
    private static let read = [400, 401, 403, 404, 422]
    private static let optionalUUID = Doc.nullable("string", format: "uuid")
    private static let optionalTime = Doc.nullable("string", format: "date-time")
    private static let optionalText = Doc.nullable("string")
    private static func array(_ item: JSONValue) -> JSONValue { ["type": "array", "items": item] }
    private static let community = Doc.query("community", Doc.text, "a community (or any division) code to narrow the list to")

    private static func op(_ summary: String, parameters: [JSONValue] = [], body: JSONValue? = nil, ok: (Int, JSONValue?),
                           errors: [Int], secured: Bool = true) -> JSONValue {
        Doc.operation(summary, tag: tag, parameters: parameters, body: body, ok: ok, errors: errors, secured: secured)
    }

    static let paths: [(String, JSONValue)] = [
        ("/api/v1/service-menu", [
            "get": op("A community's service menu (上门理发, 磨刀, 家电维修…) in your division", parameters: [community],
                      ok: (200, array(Doc.ref("ServiceMenuItem"))), errors: read),
            "post": op("Add a service to a community's menu", body: Doc.object([("communityCode", Doc.text), ("name", Doc.text), ("description", Doc.text)], required: ["name"]),
                       ok: (201, Doc.ref("ServiceMenuItem")), errors: write),
        ]),
        ("/api/v1/service-orders", [
            "get": op("Service orders in your division, newest first", parameters: [community, Doc.query("status", Doc.enumeration(ServiceOrderStatus.allCases.map(\.rawValue)), "one status")],
                      ok: (200, array(Doc.ref("ServiceOrder"))), errors: read),
            "post": op("Order a service for a resident (居民点单); all fields are checked and every problem named", body: Doc.ref("ServiceOrderInput"),
                       ok: (201, Doc.ref("ServiceOrder")), errors: write),
        ]),
        ("/api/v1/service-orders/{id}", ["get": op("A service order with its history", parameters: [Doc.path("id", Doc.uuid)],
                                                   ok: (200, Doc.ref("ServiceOrder")), errors: read)]),
        ("/api/v1/service-orders/{id}/actions", ["post": op(
            "Act on a service order: assign (社区派单) and cancel by the community; take (接单), decline and complete recorded for the volunteer; evaluate for the resident. A step out of turn is 409",
            parameters: [Doc.path("id", Doc.uuid)], body: Doc.ref("ServiceOrderAction"), ok: (200, Doc.ref("ServiceOrder")), errors: write)]),
        ("/api/v1/public/service-menu/{community}", ["get": op("A community's active service menu, for residents", parameters: [Doc.path("community")],
                                                               ok: (200, array(Doc.ref("ServiceMenuItem"))), errors: [404], secured: false)]),
        ("/api/v1/public/service-orders", ["post": op("A resident orders a service; the answer carries the tracking code", body: Doc.ref("ServiceOrderInput"),
                                                      ok: (201, Doc.ref("PublicServiceOrder")), errors: [400, 422], secured: false)]),
        ("/api/v1/public/service-orders/{code}", ["get": op("Follow a service order by its tracking code (name masked, no staff or volunteer names)",
                                                            parameters: [Doc.path("code")], ok: (200, Doc.ref("PublicServiceOrder")), errors: [404], secured: false)]),
        ("/api/v1/public/service-orders/{code}/evaluation", ["post": op("The resident evaluates a completed service", parameters: [Doc.path("code")],
            body: Doc.object([("satisfaction", Doc.enumeration(Satisfaction.allCases.map(\.rawValue))), ("solved", Doc.boolean), ("comment", Doc.text)], required: ["satisfaction"]),
            ok: (200, Doc.ref("PublicServiceOrder")), errors: [400, 403, 404, 409, 422], secured: false)]),
        ("/api/v1/wishes", [
            "get": op("微心愿 in your division, newest first", parameters: [community, Doc.query("status", Doc.enumeration(WishStatus.allCases.map(\.rawValue)), "one status")],
                      ok: (200, array(Doc.ref("Wish"))), errors: read),
            "post": op("Post a wish for a resident", body: Doc.object([("communityCode", Doc.text), ("residentName", Doc.text), ("phone", Doc.text), ("title", Doc.text), ("details", Doc.text)],
                                                                      required: ["residentName", "title"]),
                       ok: (201, Doc.ref("Wish")), errors: write),
        ]),
        ("/api/v1/wishes/{id}", ["get": op("A wish", parameters: [Doc.path("id", Doc.uuid)], ok: (200, Doc.ref("Wish")), errors: read)]),
        ("/api/v1/wishes/{id}/claim", ["post": op("Claim a wish (once: a second claim, also a simultaneous one, is 409)", parameters: [Doc.path("id", Doc.uuid)],
            body: Doc.object([("claimantKind", Doc.enumeration(WishClaimantKind.allCases.map(\.rawValue))), ("claimantName", Doc.text), ("volunteerId", Doc.uuid)], required: ["claimantKind"]),
            ok: (200, Doc.ref("Wish")), errors: write)]),
        ("/api/v1/wishes/{id}/fulfilment", ["post": [
            "summary": "Fulfil a claimed wish with a photo: the image as the body, or a multipart form with `file` (and `note`)",
            "tags": [.string(tag)],
            "parameters": [Doc.path("id", Doc.uuid), Doc.query("note", Doc.text, "what was done")],
            "requestBody": ["required": true, "content": [
                "image/jpeg": ["schema": ["type": "string", "format": "binary"]],
                "image/png": ["schema": ["type": "string", "format": "binary"]],
                "multipart/form-data": ["schema": Doc.object([("file", ["type": "string", "format": "binary"]), ("note", Doc.text)], required: ["file"])],
            ]],
            "responses": .object([("200", ["description": "OK", "content": Doc.json(Doc.ref("Wish"))])] + Doc.errors([400, 401, 403, 404, 409, 413, 415, 422])),
        ]]),
        ("/api/v1/wishes/{id}/photo", ["get": [
            "summary": "The fulfilment photo", "tags": [.string(tag)],
            "parameters": [Doc.path("id", Doc.uuid)],
            "responses": .object([("200", ["description": "The image", "content": ["image/*": ["schema": ["type": "string", "format": "binary"]]]])]
                                 + Doc.errors([401, 403, 404])),
        ]]),
        ("/api/v1/wishes/{id}/confirmation", ["post": op("Confirm a fulfilled wish for the resident; a claiming volunteer earns the wish points",
            parameters: [Doc.path("id", Doc.uuid)], ok: (200, Doc.ref("Wish")), errors: write)]),
        ("/api/v1/wishes/{id}/withdrawal", ["post": op("Withdraw a wish nobody has claimed", parameters: [Doc.path("id", Doc.uuid)],
            ok: (200, Doc.ref("Wish")), errors: write)]),
        ("/api/v1/public/wishes", ["get": op("The public wish wall: residents' names masked, numbers in the text starred", parameters: [community],
            ok: (200, array(Doc.ref("WallWish"))), errors: [400, 422], secured: false)]),
        ("/api/v1/volunteers", [
            "get": op("Volunteers in your division with their balances", parameters: [community, Doc.query("team", Doc.uuid, "one team")],
                      ok: (200, array(Doc.ref("Volunteer"))), errors: read),
            "post": op("Register a volunteer (once per phone number; in-service party members report to this community)", body: Doc.ref("VolunteerInput"),
                       ok: (201, Doc.ref("Volunteer")), errors: write),
        ]),
        ("/api/v1/volunteers/{id}", ["get": op("A volunteer with service minutes and the ledger", parameters: [Doc.path("id", Doc.uuid)],
            ok: (200, Doc.object([("volunteer", Doc.ref("Volunteer")), ("serviceMinutes", Doc.integer), ("entries", array(Doc.ref("PointsEntry")))],
                                 required: ["volunteer", "serviceMinutes", "entries"])), errors: read)]),
        ("/api/v1/volunteers/{id}/link", ["post": op("Issue the volunteer's personal link, on which they take and complete their assigned service orders (audited; replaces an earlier link)",
            parameters: [Doc.path("id", Doc.uuid)], ok: (201, Doc.object([("volunteerId", Doc.uuid), ("url", Doc.text)], required: ["volunteerId", "url"])),
            errors: [401, 403, 404])]),
        ("/api/v1/volunteer-teams", [
            "get": op("Volunteer teams in your division", ok: (200, array(Doc.ref("VolunteerTeam"))), errors: read),
            "post": op("Add a team", body: Doc.object([("communityCode", Doc.text), ("name", Doc.text)], required: ["name"]),
                       ok: (201, Doc.ref("VolunteerTeam")), errors: write),
        ]),
        ("/api/v1/earn-rules/{community}", [
            "get": op("A community's earn rules (defaults when unset)", parameters: [Doc.path("community")], ok: (200, Doc.ref("EarnRules")), errors: read),
            "put": op("Set a community's earn rules (audited)", parameters: [Doc.path("community")], body: Doc.ref("EarnRules"),
                      ok: (200, Doc.ref("EarnRules")), errors: write),
        ]),
        ("/api/v1/volunteer-rankings", ["get": op("最美志愿者: volunteers by points earned or service hours between two days (ties share a rank)",
            parameters: [Doc.query("by", Doc.enumeration(["points", "hours"]), "points (default) or hours"),
                         Doc.query("from", ["type": "string", "format": "date"], "first day (default 1 January)"),
                         Doc.query("to", ["type": "string", "format": "date"], "last day (default today)")],
            ok: (200, Doc.object([("by", Doc.text), ("from", Doc.text), ("to", Doc.text),
                                  ("items", array(Doc.object([("rank", Doc.integer), ("volunteerId", Doc.uuid), ("name", Doc.text), ("communityCode", Doc.text), ("score", Doc.integer)])))],
                                 required: ["by", "from", "to", "items"])), errors: read)]),
        ("/api/v1/dual-check-in", ["get": op("双报到: in-service party members without an activity in their residential community in a quarter",
            parameters: [Doc.query("quarter", Doc.text, "like 2026-Q1 (default the current quarter)")],
            ok: (200, Doc.object([("quarter", Doc.text), ("members", Doc.integer), ("reported", Doc.integer),
                                  ("missing", array(Doc.object([("volunteerId", Doc.uuid), ("name", Doc.text), ("communityCode", Doc.text), ("workplace", optionalText)])))],
                                 required: ["quarter", "members", "reported", "missing"])), errors: read)]),
        ("/api/v1/volunteer-activities", [
            "get": op("Volunteer activities in your division", parameters: [community], ok: (200, array(Doc.ref("VolunteerActivity"))), errors: read),
            "post": op("Create an activity with a capacity and a QR check-in code", body: Doc.object([
                ("communityCode", Doc.text), ("title", Doc.text), ("place", Doc.text), ("startsAt", Doc.text), ("endsAt", Doc.text), ("capacity", Doc.integer)],
                required: ["title", "place", "startsAt", "endsAt", "capacity"]), ok: (201, Doc.ref("VolunteerActivity")), errors: write),
        ]),
        ("/api/v1/volunteer-activities/{id}", ["get": op("An activity with its sign-ups", parameters: [Doc.path("id", Doc.uuid)],
            ok: (200, Doc.ref("VolunteerActivity")), errors: read)]),
        ("/api/v1/volunteer-activities/{id}/signups", ["post": op("Sign a volunteer up (within the capacity)", parameters: [Doc.path("id", Doc.uuid)],
            body: Doc.object([("volunteerId", Doc.uuid)], required: ["volunteerId"]), ok: (201, Doc.ref("VolunteerActivity")), errors: write)]),
        ("/api/v1/volunteer-activities/{id}/attendance", ["post": op("The organiser checks a volunteer in or out; a check-out credits the hours and points",
            parameters: [Doc.path("id", Doc.uuid)],
            body: Doc.object([("action", Doc.enumeration(["checkIn", "checkOut"])), ("volunteerId", Doc.uuid), ("at", Doc.dateTime)], required: ["action", "volunteerId"]),
            ok: (200, Doc.ref("VolunteerActivity")), errors: write)]),
        ("/api/v1/merchants", [
            "get": op("Caring merchants in your division with their goods and stock", ok: (200, array(Doc.ref("Merchant"))), errors: read),
            "post": op("Add a caring merchant", body: Doc.object([("communityCode", Doc.text), ("name", Doc.text), ("address", Doc.text)], required: ["name"]),
                       ok: (201, Doc.ref("Merchant")), errors: write),
        ]),
        ("/api/v1/merchants/{id}/goods", ["post": op("Add goods offered for points", parameters: [Doc.path("id", Doc.uuid)],
            body: Doc.object([("name", Doc.text), ("points", Doc.integer), ("stock", Doc.integer)], required: ["name", "points", "stock"]),
            ok: (201, Doc.ref("MerchantGoods")), errors: write)]),
        ("/api/v1/points-exchanges", [
            "get": op("Exchanges in your division", parameters: [Doc.query("volunteer", Doc.uuid, "one volunteer")],
                      ok: (200, array(Doc.ref("PointsExchange"))), errors: read),
            "post": op("Spend points on goods (积分兑换): refused with 409 naming the field when it would overdraw the volunteer or exceed the stock; nothing is written then",
                       body: Doc.object([("volunteerId", Doc.uuid), ("goodsId", Doc.uuid), ("quantity", Doc.integer)], required: ["volunteerId", "goodsId", "quantity"]),
                       ok: (201, Doc.ref("PointsExchange")), errors: write),
        ]),
        ("/api/v1/service-stations", [
            "get": op("Service stations in your division", ok: (200, array(Doc.ref("ServiceStation"))), errors: read),
            "post": op("Add a service station (饶城e家, 虔新驿站, 幸福食堂…) with its position, services and opening hours like `1-5 08:30-17:30; 6-7 09:00-12:00`",
                       body: Doc.object([("communityCode", Doc.text), ("name", Doc.text), ("kind", Doc.enumeration(ServiceStationKind.allCases.map(\.rawValue))),
                                         ("address", Doc.text), ("latitude", Doc.number), ("longitude", Doc.number), ("services", array(Doc.text)),
                                         ("openingHours", Doc.text), ("phone", Doc.text)],
                                        required: ["name", "kind", "address", "latitude", "longitude", "services", "openingHours"]),
                       ok: (201, Doc.ref("ServiceStation")), errors: write),
        ]),
        ("/api/v1/public/service-stations", ["get": op("The public list of service stations with position, services, hours and whether open now",
            parameters: [community, Doc.query("kind", Doc.enumeration(ServiceStationKind.allCases.map(\.rawValue)), "one kind")],
            ok: (200, array(Doc.ref("ServiceStation"))), errors: [400, 422], secured: false)]),
        ("/api/v1/community-services/counts", ["get": op("Per community: wishes and service orders by status, the service-order done rate, volunteers",
            ok: (200, array(Doc.object([("communityCode", Doc.text), ("communityName", optionalText),
                                        ("wishes", ["type": "object", "additionalProperties": Doc.integer]),
                                        ("serviceOrders", ["type": "object", "additionalProperties": Doc.integer]),
                                        ("serviceOrderDoneRate", Doc.nullable("number")), ("volunteers", Doc.integer)],
                                       required: ["communityCode", "wishes", "serviceOrders", "volunteers"]))), errors: [401, 403])]),
    ]

    static let schemas: [(String, JSONValue)] = [
        ("ServiceMenuItem", Doc.object([("id", Doc.uuid), ("communityCode", Doc.text), ("name", Doc.text), ("description", Doc.text), ("active", Doc.boolean)],
                                       required: ["id", "communityCode", "name", "description", "active"])),
        ("ServiceOrderInput", Doc.object([("communityCode", Doc.text), ("itemId", Doc.uuid), ("residentName", Doc.text), ("phone", Doc.text),
                                          ("address", Doc.text), ("note", Doc.text)], required: ["itemId", "residentName", "phone", "address"])),
        ("ServiceOrderAction", Doc.object([("action", Doc.enumeration(ServiceOrderService.actions)), ("volunteerId", Doc.uuid), ("reason", Doc.text), ("note", Doc.text),
                                           ("satisfaction", Doc.enumeration(Satisfaction.allCases.map(\.rawValue))), ("solved", Doc.boolean), ("comment", Doc.text)],
                                          required: ["action"])),
        ("ServiceOrder", Doc.object([
            ("id", Doc.uuid), ("trackingCode", Doc.text), ("communityCode", Doc.text), ("itemId", Doc.uuid), ("itemName", Doc.text),
            ("residentName", Doc.text), ("phone", Doc.string("masked")), ("address", Doc.text), ("note", Doc.text),
            ("status", Doc.enumeration(ServiceOrderStatus.allCases.map(\.rawValue))), ("statusTitle", Doc.text), ("volunteerId", optionalUUID),
            ("volunteerName", optionalText), ("source", Doc.enumeration(["public", "staff"])), ("completionNote", optionalText),
            ("satisfaction", optionalText), ("solved", Doc.nullable("boolean")), ("comment", optionalText), ("createdAt", Doc.dateTime), ("updatedAt", Doc.dateTime),
            ("events", array(Doc.object([("sequence", Doc.integer), ("action", Doc.text), ("fromStatus", optionalText), ("toStatus", Doc.text), ("actor", Doc.text),
                                         ("volunteerId", optionalUUID), ("note", optionalText), ("at", Doc.dateTime)],
                                        required: ["sequence", "action", "toStatus", "actor", "at"]))),
        ], required: ["id", "trackingCode", "communityCode", "itemId", "itemName", "residentName", "phone", "address", "note", "status", "statusTitle",
                      "source", "createdAt", "updatedAt"])),
        ("PublicServiceOrder", Doc.object([
            ("trackingCode", Doc.text), ("itemName", Doc.text), ("residentName", Doc.string("masked")), ("status", Doc.text), ("statusTitle", Doc.text),
            ("canEvaluate", Doc.boolean), ("satisfaction", optionalText), ("createdAt", Doc.dateTime),
            ("history", array(Doc.object([("action", Doc.text), ("status", Doc.text), ("at", Doc.dateTime)], required: ["action", "status", "at"]))),
        ], required: ["trackingCode", "itemName", "residentName", "status", "statusTitle", "canEvaluate", "createdAt", "history"])),
        ("Wish", Doc.object([
            ("id", Doc.uuid), ("communityCode", Doc.text), ("residentName", Doc.text), ("phone", Doc.nullable("string")), ("title", Doc.text), ("details", Doc.text),
            ("status", Doc.enumeration(WishStatus.allCases.map(\.rawValue))), ("statusTitle", Doc.text),
            ("claimantKind", optionalText), ("claimantName", optionalText), ("volunteerId", optionalUUID), ("claimedAt", optionalTime),
            ("fulfilmentNote", optionalText), ("photoUrl", optionalText), ("fulfilledAt", optionalTime), ("confirmedAt", optionalTime), ("createdAt", Doc.dateTime),
        ], required: ["id", "communityCode", "residentName", "title", "details", "status", "statusTitle", "createdAt"])),
        ("WallWish", Doc.object([
            ("id", Doc.uuid), ("communityCode", Doc.text), ("communityName", Doc.text), ("resident", Doc.string("masked name")), ("title", Doc.text),
            ("details", Doc.text), ("status", Doc.text), ("statusTitle", Doc.text), ("claimant", optionalText), ("createdAt", Doc.dateTime),
        ], required: ["id", "communityCode", "communityName", "resident", "title", "details", "status", "statusTitle", "createdAt"])),
        ("VolunteerInput", Doc.object([("communityCode", Doc.text), ("name", Doc.text), ("phone", Doc.text), ("teamId", Doc.uuid), ("partyMember", Doc.boolean),
                                       ("inService", Doc.boolean), ("workplace", Doc.text)], required: ["name", "phone"])),
        ("Volunteer", Doc.object([
            ("id", Doc.uuid), ("communityCode", Doc.text), ("name", Doc.text), ("phone", Doc.string("masked")), ("teamId", optionalUUID),
            ("partyMember", Doc.boolean), ("inService", Doc.boolean), ("workplace", optionalText), ("registeredAt", Doc.dateTime),
            ("balance", ["type": "integer", "minimum": 0, "description": "points: the sum of the volunteer's ledger entries, never below zero"]),
        ], required: ["id", "communityCode", "name", "phone", "partyMember", "inService", "registeredAt", "balance"])),
        ("PointsEntry", Doc.object([("amount", Doc.integer), ("reason", Doc.enumeration(PointsReason.allCases.map(\.rawValue))), ("referenceId", optionalUUID),
                                    ("at", Doc.dateTime)], required: ["amount", "reason", "at"])),
        ("VolunteerTeam", Doc.object([("id", Doc.uuid), ("communityCode", Doc.text), ("name", Doc.text), ("members", Doc.integer)],
                                     required: ["id", "communityCode", "name", "members"])),
        ("EarnRules", Doc.object([("communityCode", Doc.text), ("pointsPerServiceHour", Doc.integer), ("serviceRounding", Doc.enumeration(PointsRounding.allCases.map(\.rawValue))),
                                  ("pointsPerWish", Doc.integer), ("pointsPerEvent", Doc.integer)],
                                 required: ["communityCode", "pointsPerServiceHour", "serviceRounding", "pointsPerWish", "pointsPerEvent"])),
        ("VolunteerActivity", Doc.object([
            ("id", Doc.uuid), ("communityCode", Doc.text), ("title", Doc.text), ("place", Doc.text), ("startsAt", Doc.dateTime), ("endsAt", Doc.dateTime),
            ("capacity", Doc.integer), ("signedUp", Doc.integer), ("checkInUrl", Doc.text),
            ("signups", array(Doc.object([("volunteerId", Doc.uuid), ("name", Doc.text), ("signedUpAt", Doc.dateTime), ("checkedInAt", optionalTime),
                                          ("checkedOutAt", optionalTime), ("checkedBy", optionalText), ("minutes", Doc.nullable("integer"))],
                                         required: ["volunteerId", "name", "signedUpAt"]))),
        ], required: ["id", "communityCode", "title", "place", "startsAt", "endsAt", "capacity", "signedUp", "checkInUrl"])),
        ("MerchantGoods", Doc.object([("id", Doc.uuid), ("merchantId", Doc.uuid), ("name", Doc.text), ("points", Doc.integer), ("stock", Doc.integer)],
                                     required: ["id", "merchantId", "name", "points", "stock"])),
        ("Merchant", Doc.object([("id", Doc.uuid), ("communityCode", Doc.text), ("name", Doc.text), ("address", Doc.text), ("goods", array(Doc.ref("MerchantGoods")))],
                                required: ["id", "communityCode", "name", "address", "goods"])),
        ("PointsExchange", Doc.object([("id", Doc.uuid), ("volunteerId", Doc.uuid), ("goodsId", Doc.uuid), ("quantity", Doc.integer), ("points", Doc.integer),
                                       ("balance", Doc.nullable("integer")), ("at", Doc.dateTime)],
                                      required: ["id", "volunteerId", "goodsId", "quantity", "points", "at"])),
        ("ServiceStation", Doc.object([
            ("id", Doc.uuid), ("communityCode", Doc.text), ("communityName", optionalText), ("name", Doc.text),
            ("kind", Doc.enumeration(ServiceStationKind.allCases.map(\.rawValue))), ("kindTitle", Doc.text), ("address", Doc.text),
            ("latitude", Doc.number), ("longitude", Doc.number), ("services", array(Doc.text)), ("openingHours", Doc.text), ("openNow", Doc.boolean), ("phone", Doc.text),
        ], required: ["id", "communityCode", "name", "kind", "kindTitle", "address", "latitude", "longitude", "services", "openingHours", "openNow", "phone"])),
    ]
}
