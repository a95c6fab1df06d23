import LianxinCore
import Vapor

/// The 义务监督员 operations of /openapi.json.
extension OversightOpenAPI {
    static var projectFigures: JSONValue {
        object([
            ("projects", integer), ("volunteers", integer), ("inspections", integer), ("openFindings", integer), ("answered", integer),
            ("byDivision", list(["type": "object"])), ("list", list(["type": "object"])),
        ])
    }

    static let projectPaths: [(String, JSONValue)] = [
        (
            "/api/v1/oversight/projects",
            [
                "get": operation(
                    "Projects under volunteer supervision in scope (a unit's staff: their unit's), with supervisors (phones masked), inspections and open findings, by division",
                    tag: "oversight", ok: (200, projectFigures)),
                "post": operation(
                    "Register a project (e.g. 老旧小区改造): village or township, name, responsible unit, period, budget in yuan", tag: "oversight",
                    body: object(
                        [("divisionCode", text), ("name", text), ("departmentId", uuid), ("startsOn", text), ("endsOn", text), ("budget", text)],
                        required: ["divisionCode", "name", "departmentId", "startsOn", "endsOn", "budget"]), ok: (201, created),
                    errors: [401, 403, 404, 422]),
            ]
        ),
        (
            "/api/v1/oversight/projects/{id}/volunteers",
            [
                "post": operation(
                    "Attach a volunteer supervisor (义务监督员) to the project: name, phone (sealed, shown masked), team such as 银发监督队",
                    tag: "oversight", parameters: [path("id", uuid)],
                    body: object([("name", text), ("phone", text), ("team", text)], required: ["name", "phone", "team"]), ok: (201, created),
                    errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/oversight/projects/{id}/inspections",
            [
                "post": operation(
                    "Record a volunteer's inspection of the project: day, what was found, whether it is a problem for the responsible unit",
                    tag: "oversight", parameters: [path("id", uuid)],
                    body: object(
                        [("volunteerId", uuid), ("inspectedOn", text), ("findings", text), ("problem", boolean)],
                        required: ["volunteerId", "findings"]), ok: (201, created), errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/oversight/inspections/{id}/answer",
            [
                "post": operation(
                    "The responsible unit answers an open finding on its project", tag: "oversight", parameters: [path("id", uuid)],
                    body: object([("answer", text)], required: ["answer"]), ok: (200, created), errors: [401, 403, 404, 409, 422])
            ]
        ),
    ]
}
