import Vapor
import LianxinCore

/// The revisit's operations of /openapi.json.
enum NotificationsOpenAPI: OpenAPIVocabulary {
    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/revisits/satisfaction",
            [
                "get": operation(
                    "满意率 of the revisits in your division by the channel each evaluation came by: link (the SMS link or tracking page), "
                        + "operator (a call), keypad (the voice system)",
                    tag: "revisits",
                    ok: (
                        200,
                        [
                            "type": "array",
                            "items": object([
                                ("channel", enumeration(EvaluationChannel.allCases.map(\.rawValue))), ("evaluated", ["type": "integer"]),
                                ("satisfied", ["type": "integer"]),
                                ("rate", ["type": "number", "description": "percent, one decimal; absent without evaluations"]),
                            ]),
                        ]
                    ), errors: [401, 403])
            ]
        ),
        (
            "/api/v1/revisits/keypad",
            [
                "post": operation(
                    "An evaluation pressed on the telephone keypad (for the hotline's voice system): satisfied 1, basically 2, dissatisfied 3; "
                        + "solved 1, not solved 2. Counted as the keypad channel",
                    tag: "revisits",
                    body: object([("number", text), ("satisfactionKey", enumeration(["1", "2", "3"])), ("solvedKey", enumeration(["1", "2"]))]),
                    ok: (200, ref("WorkOrder")), errors: [400, 401, 403, 404, 409, 422])
            ]
        ),
    ]
}
