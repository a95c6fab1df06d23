import Vapor
import LianxinCore

/// The new-employment operations of /openapi.json.
enum NewEmploymentOpenAPI: OpenAPIVocabulary {
    static var created: JSONValue { object([("id", uuid), ("status", text)], required: ["id"]) }
    static var count: JSONValue { object([("key", text), ("workers", integer), ("reports", integer)]) }
    static var list: (JSONValue) -> JSONValue { { ["type": "array", "items": $0] } }
    static var figures: JSONValue {
        object([
            ("year", integer), ("workers", integer), ("gridMembers", integer), ("reports", integer), ("stages", list(count)),
            ("platforms", list(count)), ("teams", list(count)), ("divisions", list(count)),
            ("months", list(object([("month", text), ("reports", integer), ("bar", integer)]))), ("applications", list(["type": "object"])),
            ("subsidyApproved", text), ("list", list(["type": "object"])),
        ])
    }

    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/new-employment/overview",
            [
                "get": operation(
                    "Workers by stage, platform, team and community with their 随手拍 reports, reports by month, subsidies; phones masked",
                    tag: "new-employment", ok: (200, figures))
            ]
        ),
        (
            "/api/v1/new-employment/workers",
            [
                "post": operation(
                    "Register a rider or courier as a part-time grid member (phone sealed; 最美小哥 stage)", tag: "new-employment",
                    body: object(
                        [
                            ("name", text), ("phone", text), ("platform", enumeration(NewEmploymentService.platforms)), ("station", text),
                            ("team", text), ("tradeSince", text), ("divisionCode", text),
                        ], required: ["name", "phone", "platform", "station"]), ok: (201, created), errors: [401, 403, 409, 422])
            ]
        ),
        (
            "/api/v1/new-employment/workers/{id}/stage",
            [
                "post": operation(
                    "Move a worker to the next stage of the growth path when its criteria (reports, months in the trade) hold",
                    tag: "new-employment", parameters: [path("id", uuid)],
                    body: object([("stage", enumeration(GrowthStage.allCases.map(\.rawValue)))], required: ["stage"]), ok: (200, created),
                    errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/new-employment/subsidies",
            [
                "post": operation(
                    "Apply for the tuition subsidy (80 % of the fees): diploma obtained, a year in the trade", tag: "new-employment",
                    body: object(
                        [("workerId", uuid), ("college", text), ("programme", text), ("fees", integer), ("diplomaOn", text)],
                        required: ["workerId", "college", "programme", "fees", "diplomaOn"]), ok: (201, created), errors: [401, 403, 422])
            ]
        ),
        (
            "/api/v1/new-employment/subsidies/{id}/actions",
            [
                "post": operation(
                    "Publish the five-day public notice, record an objection, approve after the notice, or refuse (with a reason)",
                    tag: "new-employment", parameters: [path("id", uuid)],
                    body: object([("action", enumeration(TuitionSubsidy.Action.allCases.map(\.rawValue))), ("note", text)], required: ["action"]),
                    ok: (200, created), errors: [401, 403, 404, 409, 422])
            ]
        ),
    ]
}
