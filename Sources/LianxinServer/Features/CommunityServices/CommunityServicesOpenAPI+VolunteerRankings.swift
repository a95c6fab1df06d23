import Vapor
import LianxinCore

extension CommunityServicesOpenAPI {
    static let pathsVolunteerRankings: [(String, JSONValue)] = [
        (
            "/api/v1/volunteer-rankings",
            [
                "get": op(
                    "最美志愿者: volunteers by points earned or service hours between two days (ties share a rank)",
                    parameters: [
                        Doc.query("by", Doc.enumeration(["points", "hours"]), "points (default) or hours"),
                        Doc.query("from", ["type": "string", "format": "date"], "first day (default 1 January)"),
                        Doc.query("to", ["type": "string", "format": "date"], "last day (default today)"),
                    ],
                    ok: (
                        200,
                        Doc.object(
                            [
                                ("by", Doc.text), ("from", Doc.text), ("to", Doc.text),
                                (
                                    "items",
                                    array(
                                        Doc.object([
                                            ("rank", Doc.integer), ("volunteerId", Doc.uuid), ("name", Doc.text), ("communityCode", Doc.text),
                                            ("score", Doc.integer),
                                        ]))
                                ),
                            ],
                            required: ["by", "from", "to", "items"])
                    ), errors: read)
            ]
        ),
        (
            "/api/v1/dual-check-in",
            [
                "get": op(
                    "双报到: in-service party members without an activity in their residential community in a quarter",
                    parameters: [Doc.query("quarter", Doc.text, "like 2026-Q1 (default the current quarter)")],
                    ok: (
                        200,
                        Doc.object(
                            [
                                ("quarter", Doc.text), ("members", Doc.integer), ("reported", Doc.integer),
                                (
                                    "missing",
                                    array(
                                        Doc.object([
                                            ("volunteerId", Doc.uuid), ("name", Doc.text), ("communityCode", Doc.text), ("workplace", optionalText),
                                        ]))
                                ),
                            ],
                            required: ["quarter", "members", "reported", "missing"])
                    ), errors: read)
            ]
        ),
        (
            "/api/v1/volunteer-activities",
            [
                "get": op(
                    "Volunteer activities in your division", parameters: [community], ok: (200, array(Doc.ref("VolunteerActivity"))), errors: read),
                "post": op(
                    "Create an activity with a capacity and a QR check-in code",
                    body: Doc.object(
                        [
                            ("communityCode", Doc.text), ("title", Doc.text), ("place", Doc.text), ("startsAt", Doc.text), ("endsAt", Doc.text),
                            ("capacity", Doc.integer),
                        ],
                        required: ["title", "place", "startsAt", "endsAt", "capacity"]), ok: (201, Doc.ref("VolunteerActivity")), errors: write),
            ]
        ),
        (
            "/api/v1/volunteer-activities/{id}",
            [
                "get": op(
                    "An activity with its sign-ups", parameters: [Doc.path("id", Doc.uuid)],
                    ok: (200, Doc.ref("VolunteerActivity")), errors: read)
            ]
        ),
        (
            "/api/v1/volunteer-activities/{id}/signups",
            [
                "post": op(
                    "Sign a volunteer up (within the capacity)", parameters: [Doc.path("id", Doc.uuid)],
                    body: Doc.object([("volunteerId", Doc.uuid)], required: ["volunteerId"]), ok: (201, Doc.ref("VolunteerActivity")), errors: write)
            ]
        ),
        (
            "/api/v1/volunteer-activities/{id}/attendance",
            [
                "post": op(
                    "The organiser checks a volunteer in or out; a check-out credits the hours and points",
                    parameters: [Doc.path("id", Doc.uuid)],
                    body: Doc.object(
                        [("action", Doc.enumeration(["checkIn", "checkOut"])), ("volunteerId", Doc.uuid), ("at", Doc.dateTime)],
                        required: ["action", "volunteerId"]),
                    ok: (200, Doc.ref("VolunteerActivity")), errors: write)
            ]
        ),
        (
            "/api/v1/merchants",
            [
                "get": op("Caring merchants in your division with their goods and stock", ok: (200, array(Doc.ref("Merchant"))), errors: read),
                "post": op(
                    "Add a caring merchant",
                    body: Doc.object([("communityCode", Doc.text), ("name", Doc.text), ("address", Doc.text)], required: ["name"]),
                    ok: (201, Doc.ref("Merchant")), errors: write),
            ]
        ),
        (
            "/api/v1/merchants/{id}/goods",
            [
                "post": op(
                    "Add goods offered for points", parameters: [Doc.path("id", Doc.uuid)],
                    body: Doc.object([("name", Doc.text), ("points", Doc.integer), ("stock", Doc.integer)], required: ["name", "points", "stock"]),
                    ok: (201, Doc.ref("MerchantGoods")), errors: write)
            ]
        ),
        (
            "/api/v1/points-exchanges",
            [
                "get": op(
                    "Exchanges in your division", parameters: [Doc.query("volunteer", Doc.uuid, "one volunteer")],
                    ok: (200, array(Doc.ref("PointsExchange"))), errors: read),
                "post": op(
                    "Spend points on goods (积分兑换): refused with 409 naming the field when it would overdraw the volunteer (or, with "
                        + "`householdId` instead of `volunteerId`, the household's conduct points, 以评弘德) or exceed the stock; nothing is written then",
                    body: Doc.object(
                        [("volunteerId", Doc.uuid), ("householdId", Doc.uuid), ("goodsId", Doc.uuid), ("quantity", Doc.integer)],
                        required: ["goodsId", "quantity"]),
                    ok: (201, Doc.ref("PointsExchange")), errors: write),
            ]
        ),
        (
            "/api/v1/service-stations",
            [
                "get": op("Service stations in your division", ok: (200, array(Doc.ref("ServiceStation"))), errors: read),
                "post": op(
                    "Add a service station (饶城e家, 虔新驿站, 幸福食堂…) with its position, services and opening hours like `1-5 08:30-17:30; 6-7 09:00-12:00`",
                    body: Doc.object(
                        [
                            ("communityCode", Doc.text), ("name", Doc.text), ("kind", Doc.enumeration(ServiceStationKind.allCases.map(\.rawValue))),
                            ("address", Doc.text), ("latitude", Doc.number), ("longitude", Doc.number), ("services", array(Doc.text)),
                            ("openingHours", Doc.text), ("phone", Doc.text),
                        ],
                        required: ["name", "kind", "address", "latitude", "longitude", "services", "openingHours"]),
                    ok: (201, Doc.ref("ServiceStation")), errors: write),
            ]
        ),
        (
            "/api/v1/public/service-stations",
            [
                "get": op(
                    "The public list of service stations with position, services, hours and whether open now",
                    parameters: [community, Doc.query("kind", Doc.enumeration(ServiceStationKind.allCases.map(\.rawValue)), "one kind")],
                    ok: (200, array(Doc.ref("ServiceStation"))), errors: [400, 422], secured: false)
            ]
        ),
        (
            "/api/v1/community-services/counts",
            [
                "get": op(
                    "Per community: wishes and service orders by status, the service-order done rate, volunteers",
                    ok: (
                        200,
                        array(
                            Doc.object(
                                [
                                    ("communityCode", Doc.text), ("communityName", optionalText),
                                    ("wishes", ["type": "object", "additionalProperties": Doc.integer]),
                                    ("serviceOrders", ["type": "object", "additionalProperties": Doc.integer]),
                                    ("serviceOrderDoneRate", Doc.nullable("number")), ("volunteers", Doc.integer),
                                ],
                                required: ["communityCode", "wishes", "serviceOrders", "volunteers"]))
                    ), errors: [401, 403])
            ]
        ),
    ]
}
