import LianxinCore
import Vapor

/// The patrol operations (巡查) of /openapi.json.
enum PatrolsOpenAPI: OpenAPIVocabulary {
    static var summary: JSONValue {
        object([
            ("id", uuid), ("key", text), ("member", text), ("gridCode", text), ("startedAt", dateTime), ("endedAt", dateTime),
            ("running", boolean), ("automaticEnd", boolean), ("seconds", integer), ("metres", integer), ("points", integer),
            ("reports", integer), ("added", integer),
        ])
    }

    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/patrols",
            [
                "post": operation(
                    "A grid member's field app sends a patrol under its key: the start, the positions taken since it last sent (each "
                        + "with the time it was taken) and, once ended, the end. Sent again it changes nothing; positions are kept once "
                        + "per instant; the distance counts only plausible positions (none faster than 120 km/h); a patrol ends by "
                        + "itself 12 hours after it started, and starting one ends the member's earlier one",
                    tag: "fieldwork",
                    body: object(
                        [
                            ("key", text), ("startedAt", dateTime), ("endedAt", dateTime),
                            (
                                "points",
                                ["type": "array", "items": object([("at", dateTime), ("latitude", number), ("longitude", number)])]
                            ),
                        ], required: ["key", "startedAt"]),
                    ok: (200, summary), errors: [400, 401, 403, 422]),
                "get": operation(
                    "The patrols in scope started in a month (a grid member: their own), with hours, distance and reports made while "
                        + "they ran",
                    tag: "fieldwork", parameters: [query("month", text, "the month, YYYY-MM (default: this month in Beijing time)")],
                    ok: (200, ["type": "array", "items": summary]), errors: [401, 403, 422]),
            ]
        ),
        (
            "/api/v1/patrols/{id}",
            [
                "get": operation(
                    "One patrol with its track (plausible positions in order) and the orders filed and visits made while it ran",
                    tag: "fieldwork", parameters: [path("id", uuid)],
                    ok: (
                        200,
                        object([
                            ("patrol", summary),
                            ("track", ["type": "array", "items": object([("at", dateTime), ("latitude", number), ("longitude", number)])]),
                            (
                                "reports",
                                [
                                    "type": "array",
                                    "items": object([("id", uuid), ("kind", enumeration(["order", "visit"])), ("title", text), ("at", dateTime)]),
                                ]
                            ),
                        ])
                    ), errors: [401, 403, 404])
            ]
        ),
    ]
}
