import LianxinCore
import Vapor

/// The 农耕地互助 operations of /openapi.json.
enum FarmAidOpenAPI: OpenAPIVocabulary {
    static var list: (JSONValue) -> JSONValue { { ["type": "array", "items": $0] } }
    static var created: JSONValue { object([("id", uuid), ("status", text)], required: ["id"]) }
    static var figures: JSONValue {
        object([
            ("year", integer), ("households", integer), ("fields", integer), ("area", text), ("labourShort", integer), ("teams", integer),
            ("requests", integer), ("open", integer), ("done", integer), ("daysExchanged", text), ("villages", list(["type": "object"])),
            ("seasons", list(["type": "object"])), ("waiting", list(["type": "object"])), ("balances", list(["type": "object"])),
        ])
    }

    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/farm-aid/overview",
            [
                "get": operation(
                    "The year's 农耕地互助 in scope: households with fields, mu, households short of hands, teams, requests by status and season, days exchanged, by village; requests waiting; each household's days given and received",
                    tag: "farm-aid", ok: (200, figures))
            ]
        ),
        (
            "/api/v1/farm-aid/fields",
            [
                "post": operation(
                    "Record a household's field (area in mu, crop) and whether the household lacks hands", tag: "farm-aid",
                    body: object(
                        [
                            ("householdId", uuid), ("name", text), ("area", text), ("crop", enumeration(FarmAidService.crops)),
                            ("labourShort", ["type": "boolean"]),
                        ], required: ["householdId", "name", "area", "crop"]), ok: (201, created), errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/farm-aid/teams",
            [
                "post": operation(
                    "Form a mutual-aid team of households of one village", tag: "farm-aid",
                    body: object([("name", text), ("leader", text), ("householdIds", list(uuid))], required: ["name", "leader", "householdIds"]),
                    ok: (201, created), errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/farm-aid/requests",
            [
                "post": operation(
                    "A household asks for help with a field (task, day, person-days); the season comes from the day", tag: "farm-aid",
                    body: object(
                        [("fieldId", uuid), ("task", enumeration(FarmAid.Task.allCases.map(\.rawValue))), ("wantedOn", text), ("days", text)],
                        required: ["fieldId", "task", "wantedOn", "days"]), ok: (201, created), errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/farm-aid/requests/{id}/actions",
            [
                "post": operation(
                    "A team takes the request on (assign), the work is done with the days each helping household gave (complete), or it is cancelled",
                    tag: "farm-aid", parameters: [path("id", uuid)],
                    body: object(
                        [
                            ("action", enumeration(FarmAid.Action.allCases.map(\.rawValue))), ("teamId", uuid),
                            ("helpers", list(object([("householdId", uuid), ("days", text)]))),
                        ], required: ["action"]), ok: (200, created), errors: [401, 403, 404, 409, 422])
            ]
        ),
    ]
}
