import LianxinCore
import Vapor

/// The leaders-on-duty operations of /openapi.json: 我陪群众走流程 and 三高包保.
enum LeaderDutyOpenAPI: OpenAPIVocabulary {
    static var list: (JSONValue) -> JSONValue { { ["type": "array", "items": $0] } }
    static var created: JSONValue { object([("id", uuid), ("status", text)], required: ["id"]) }
    static var day: JSONValue { ["type": "string", "format": "date"] }
    static var dutyFigures: JSONValue {
        object([
            ("year", integer), ("sessions", integer), ("services", integer), ("asApplicant", integer), ("asStaff", integer),
            ("problems", integer), ("rectified", text), ("overdue", integer), ("divisions", list(["type": "object"])),
            ("months", list(["type": "object"])), ("recent", list(["type": "object"])), ("tasks", list(["type": "object"])),
        ])
    }
    static var highsFigures: JSONValue {
        object([
            ("months", list(text)), ("matters", list(["type": "object"])), ("tiers", list(["type": "object"])),
            ("divisions", list(["type": "object"])),
        ])
    }
    static var task: JSONValue {
        object([("description", text), ("ownerUnitId", uuid), ("deadline", day)], required: ["description", "ownerUnitId", "deadline"])
    }

    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/leader-duty/overview",
            [
                "get": operation(
                    "我陪群众走流程 in scope: this year's sessions, services accompanied, problems, share rectified, overdue tasks, by division and month; the latest sessions and the open tasks",
                    tag: "leader-duty", ok: (200, dutyFigures))
            ]
        ),
        (
            "/api/v1/leader-duty/sessions",
            [
                "post": operation(
                    "Record a leader's session at a service window: the leader, the hall's division, the day, hall and window, the matter, as applicant or as staff, services accompanied",
                    tag: "leader-duty",
                    body: object(
                        [
                            ("leaderId", uuid), ("divisionCode", text), ("heldOn", day), ("hall", text), ("matter", text),
                            ("role", enumeration(LeaderDuty.SessionRole.allCases.map(\.rawValue))), ("services", integer),
                        ], required: ["leaderId", "divisionCode", "heldOn", "hall", "matter", "role", "services"]), ok: (201, created),
                    errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/leader-duty/sessions/{id}/problems",
            [
                "post": operation(
                    "A problem found in the session becomes a rectification task of an owner unit with a deadline", tag: "leader-duty",
                    parameters: [path("id", uuid)], body: task, ok: (201, created), errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/leader-duty/problems/{id}/actions",
            [
                "post": operation(
                    "The owner unit reports what was done (rectify); the supervising office confirms it or sends it back (reopen)",
                    tag: "leader-duty", parameters: [path("id", uuid)],
                    body: object(
                        [("action", enumeration(LeaderDuty.TaskAction.allCases.map(\.rawValue))), ("rectification", text)], required: ["action"]),
                    ok: (200, created), errors: [401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/three-highs/overview",
            [
                "get": operation(
                    "三高包保 in scope: each matter with its leader, orders in the last six months, trend, orders open and overdue, the leader's tasks; totals by tier and division",
                    tag: "three-highs", ok: (200, highsFigures))
            ]
        ),
        (
            "/api/v1/three-highs/matters",
            [
                "post": operation(
                    "Assign a leader to a matter (a category in a division) of the tier their level owns: city ↔ highRisk, county ↔ highFrequency, township ↔ highIncidence",
                    tag: "three-highs",
                    body: object(
                        [
                            ("leaderId", uuid), ("divisionCode", text), ("categoryCode", text),
                            ("tier", enumeration(ThreeHighs.Tier.allCases.map(\.rawValue))), ("note", text),
                        ], required: ["leaderId", "divisionCode", "categoryCode", "tier"]), ok: (201, created), errors: [401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/three-highs/matters/{id}/tasks",
            [
                "post": operation(
                    "A task the leader sets on the matter for a unit, with its deadline", tag: "three-highs", parameters: [path("id", uuid)],
                    body: task, ok: (201, created), errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/three-highs/tasks/{id}/actions",
            [
                "post": operation(
                    "Mark the leader's task done", tag: "three-highs", parameters: [path("id", uuid)],
                    body: object([("action", enumeration(["done"]))], required: ["action"]), ok: (200, created), errors: [401, 403, 404, 409, 422])
            ]
        ),
    ]
}
