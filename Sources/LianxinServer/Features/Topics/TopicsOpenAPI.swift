import LianxinCore
import Vapor

/// The 每月一题 operations of /openapi.json.
enum TopicsOpenAPI: OpenAPIVocabulary {
    static var list: (JSONValue) -> JSONValue { { ["type": "array", "items": $0] } }
    static var topic: JSONValue {
        object(
            [
                ("id", uuid), ("title", text), ("month", text), ("categoryCode", text), ("divisionCode", text),
                ("source", enumeration(MonthlyTopic.Source.allCases.map(\.rawValue))), ("hotspotId", uuid), ("description", text),
                ("status", enumeration(MonthlyTopic.Status.allCases.map(\.rawValue))), ("summary", text), ("createdBy", text),
            ], required: ["id", "title", "month", "categoryCode", "divisionCode", "status"])
    }

    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/topics",
            [
                "get": operation("The topics of 每月一题 in the caller's division, newest month first", tag: "topics", ok: (200, list(topic))),
                "post": operation(
                    "Take up a problem class (a category and its sub-categories in a division) as the topic of a month, chosen or from a hotspot",
                    tag: "topics",
                    body: object(
                        [
                            ("title", text), ("month", text), ("categoryCode", text), ("divisionCode", text), ("description", text),
                            ("hotspotId", uuid),
                        ], required: ["title", "month", "categoryCode", "divisionCode", "description"]),
                    ok: (201, topic), errors: [401, 403, 404, 422]),
            ]
        ),
        (
            "/api/v1/topics/{id}",
            [
                "get": operation(
                    "A topic with the requests of its class month by month (three months before, its month, the months after), the change of the monthly average, and its tasks",
                    tag: "topics", parameters: [path("id", uuid)],
                    ok: (
                        200,
                        object([
                            ("topic", topic), ("months", list(object([("month", text), ("count", integer), ("phase", text)]))),
                            ("change", text), ("tasks", list(["type": "object"])),
                        ])
                    ), errors: [401, 403, 404])
            ]
        ),
        (
            "/api/v1/topics/{id}/tasks",
            [
                "post": operation(
                    "Set a task of a topic for a unit, with a deadline", tag: "topics", parameters: [path("id", uuid)],
                    body: object(
                        [("description", text), ("ownerUnitId", uuid), ("deadline", text)], required: ["description", "ownerUnitId", "deadline"]),
                    ok: (201, object([("id", uuid)])), errors: [401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/topics/{id}/tasks/{task}/done",
            [
                "post": operation(
                    "Report a task done (its unit, or whoever manages topics), saying what was done", tag: "topics",
                    parameters: [path("id", uuid), path("task", uuid)], body: object([("note", text)], required: ["note"]), ok: (204, nil),
                    errors: [401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/topics/{id}/close",
            [
                "post": operation(
                    "Close a topic whose tasks are all done, with a summary", tag: "topics", parameters: [path("id", uuid)],
                    body: object([("summary", text)], required: ["summary"]), ok: (204, nil), errors: [401, 403, 404, 409, 422])
            ]
        ),
    ]
}
