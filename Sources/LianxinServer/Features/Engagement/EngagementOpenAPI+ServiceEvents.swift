import Vapor
import LianxinCore

extension EngagementOpenAPI {
    static let pathsServiceEvents: [(String, JSONValue)] = [
        (
            "/api/v1/service-events",
            [
                "get": D.operation("Service events (红帐篷) in your scope", tag: "engagement", ok: (200, list("ServiceEvent")), errors: [401, 403]),
                "post": D.operation(
                    "Create a service event with its schedule in Chinese (每周四 14:00-17:00, 农历逢三、六、九 07:00-12:00)",
                    tag: "engagement",
                    body: D.object(
                        [
                            ("title", D.text), ("kind", D.enumeration(ServiceEventLookup.kinds)), ("place", D.text),
                            ("schedule", D.text), ("divisionCode", D.text),
                            ("stalls", ["type": "array", "items": D.ref("ServiceEventStallInput")]),
                        ],
                        required: ["title", "place", "schedule"]),
                    ok: (201, D.ref("ServiceEvent")), errors: [400, 401, 403, 422]),
            ]
        ),
        (
            "/api/v1/service-events/{id}",
            [
                "get": D.operation(
                    "One service event with its next sittings and tally", tag: "engagement",
                    parameters: [id], ok: (200, D.ref("ServiceEvent")), errors: [401, 403, 404])
            ]
        ),
        (
            "/api/v1/service-events/{id}/occurrences",
            [
                "get": D.operation(
                    "The event's sittings between two days (at most 366 days)", tag: "engagement",
                    parameters: [id, D.query("from", day, "first day (default today)"), D.query("to", day, "last day (default from + 30)")],
                    ok: (200, list("ServiceEventOccurrence")), errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/service-events/{id}/stalls",
            [
                "post": D.operation(
                    "Add a stall (by department)", tag: "engagement", parameters: [id],
                    body: D.ref("ServiceEventStallInput"), ok: (201, D.ref("ServiceEvent")), errors: [400, 401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/service-events/{id}/requests",
            [
                "get": D.operation(
                    "Requests collected at the event, with the tally (collected / solved on site / became orders)", tag: "engagement",
                    parameters: [id, D.query("day", day, "only this sitting")], ok: (200, D.ref("ServiceEventRequestList")),
                    errors: [401, 403, 404, 422]),
                "post": D.operation(
                    "Record a request collected at a sitting: solved on site, or filed as a work order with channel meeting",
                    tag: "engagement", parameters: [id],
                    body: D.object(
                        [
                            ("heldOn", day), ("stallId", D.uuid), ("description", D.text),
                            ("outcome", D.enumeration(EventRequestOutcome.allCases.map(\.rawValue))), ("result", D.text),
                            ("categoryCode", D.text), ("requesterName", D.text), ("requesterPhone", D.text),
                        ],
                        required: ["description", "outcome"]),
                    ok: (201, D.ref("ServiceEventRequest")), errors: [400, 401, 403, 404, 422]),
            ]
        ),
        (
            "/api/v1/meetings",
            [
                "get": D.operation(
                    "Meetings (屋场贴心会 / 小区夜话 / 红色议事厅) in your scope", tag: "engagement", ok: (200, list("Meeting")), errors: [401, 403]),
                "post": D.operation(
                    "Call a meeting; topics are collected until it is held", tag: "engagement",
                    body: D.object(
                        [
                            ("kind", D.enumeration(MeetingKind.allCases.map(\.rawValue))), ("title", D.text), ("place", D.text),
                            ("scheduledAt", D.dateTime), ("divisionCode", D.text),
                        ], required: ["title", "place", "scheduledAt"]),
                    ok: (201, D.ref("Meeting")), errors: [400, 401, 403, 422]),
            ]
        ),
        (
            "/api/v1/meetings/{id}",
            [
                "get": D.operation(
                    "One meeting with topics and opinions", tag: "engagement", parameters: [id],
                    ok: (200, D.ref("Meeting")), errors: [401, 403, 404])
            ]
        ),
        (
            "/api/v1/meetings/{id}/topics",
            [
                "post": D.operation(
                    "Take down a topic for a resident (before the meeting)", tag: "engagement",
                    parameters: [id], body: D.ref("MeetingTopicInput"), ok: (201, D.ref("Meeting")), errors: [400, 401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/meetings/{id}/hold",
            [
                "post": D.operation(
                    "Record the meeting as held: minutes and attendance", tag: "engagement",
                    parameters: [id],
                    body: D.object([("minutes", D.text), ("attendance", ["type": "integer", "minimum": 1])], required: ["minutes", "attendance"]),
                    ok: (200, D.ref("Meeting")), errors: [400, 401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/meetings/{id}/opinions",
            [
                "post": D.operation(
                    "Record an opinion raised at the meeting", tag: "engagement", parameters: [id],
                    body: D.object([("speaker", D.text), ("content", D.text), ("topicId", D.uuid)], required: ["speaker", "content"]),
                    ok: (201, D.ref("Meeting")), errors: [400, 401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/meetings/{id}/opinions/{opinionId}/answer",
            [
                "post": D.operation(
                    "Answer an opinion", tag: "engagement",
                    parameters: [id, D.path("opinionId", D.uuid)], body: D.object([("answer", D.text)], required: ["answer"]),
                    ok: (200, D.ref("Meeting")), errors: [400, 401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/meetings/{id}/opinions/{opinionId}/work-order",
            [
                "post": D.operation(
                    "File an opinion as a work order (channel meeting)",
                    tag: "engagement", parameters: [id, D.path("opinionId", D.uuid)],
                    body: D.object([("categoryCode", D.text)], required: ["categoryCode"]),
                    ok: (200, D.ref("Meeting")), errors: [400, 401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/meetings/{id}/publish",
            [
                "post": D.operation(
                    "Publish the results (every opinion answered or filed)", tag: "engagement",
                    parameters: [id], ok: (200, D.ref("Meeting")), errors: [401, 403, 404, 409])
            ]
        ),
        (
            "/api/v1/public/meetings/{id}",
            [
                "get": D.operation(
                    "A meeting as the public sees it (三个开放): topics, and once published every opinion's outcome",
                    tag: "public", parameters: [id], ok: (200, D.ref("Meeting")), errors: [404], secured: false)
            ]
        ),
        (
            "/api/v1/public/meetings/{id}/topics",
            [
                "post": D.operation(
                    "Propose a topic before the meeting (phone kept only as a blind index)",
                    tag: "public", parameters: [id], body: D.ref("MeetingTopicInput"), ok: (201, D.ref("Meeting")), errors: [400, 404, 409, 422],
                    secured: false)
            ]
        ),
        (
            "/api/v1/public/meetings/{id}/topics/{topicId}/support",
            [
                "post": D.operation(
                    "Support a topic, once per phone", tag: "public",
                    parameters: [id, D.path("topicId", D.uuid)], body: D.object([("phone", D.text)], required: ["phone"]),
                    ok: (200, D.ref("Meeting")), errors: [400, 404, 409, 422], secured: false)
            ]
        ),
        (
            "/api/v1/mediation-cases",
            [
                "get": D.operation(
                    "Mediation cases in your scope (parties masked)", tag: "disputes",
                    parameters: [D.query("outcome", D.enumeration(["open"] + MediationOutcome.allCases.map(\.rawValue)), "open or an outcome")],
                    ok: (200, list("MediationCase")), errors: [401, 403, 422]),
                "post": D.operation(
                    "Open a dispute case (names and phones encrypted)", tag: "disputes",
                    body: D.object(
                        [
                            ("disputeType", D.enumeration(DisputeType.allCases.map(\.rawValue))), ("summary", D.text),
                            ("receivedOn", day), ("divisionCode", D.text), ("gridCode", D.text),
                            (
                                "parties",
                                [
                                    "type": "array",
                                    "items": D.object(
                                        [
                                            ("name", D.text), ("phone", D.text),
                                            ("side", D.enumeration(MediationFigures.sides)),
                                        ],
                                        required: ["name"]),
                                ]
                            ),
                            ("mediators", texts), ("petitionId", D.uuid),
                        ],
                        required: ["disputeType", "summary", "parties", "mediators"]),
                    ok: (201, D.ref("MediationCase")), errors: [400, 401, 403, 422]),
            ]
        ),
        (
            "/api/v1/mediation-cases/{id}",
            [
                "get": D.operation(
                    "One case, parties masked (the reading is audited)", tag: "disputes", parameters: [id],
                    ok: (200, D.ref("MediationCase")), errors: [401, 403, 404])
            ]
        ),
        (
            "/api/v1/mediation-cases/{id}/sessions",
            [
                "post": D.operation(
                    "Record a mediation session", tag: "disputes", parameters: [id],
                    body: D.object([("heldAt", D.dateTime), ("place", D.text), ("note", D.text)], required: ["place", "note"]),
                    ok: (201, D.ref("MediationCase")), errors: [400, 401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/mediation-cases/{id}/conclude",
            [
                "post": D.operation(
                    "Conclude: agreement (with its text), failed, or referred to court or arbitration",
                    tag: "disputes", parameters: [id],
                    body: D.object(
                        [("outcome", D.enumeration(MediationOutcome.allCases.map(\.rawValue))), ("agreementText", D.text)], required: ["outcome"]),
                    ok: (200, D.ref("MediationCase")), errors: [400, 401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/mediation-cases/{id}/unmask",
            [
                "post": D.operation(
                    "The parties' full names and phones, with a reason (audited)", tag: "disputes",
                    parameters: [id], body: D.object([("reason", ["type": "string", "minLength": 2, "maxLength": 200])], required: ["reason"]),
                    ok: (200, D.ref("MediationCase")), errors: [400, 401, 403, 404, 422])
            ]
        ),
    ]
}
