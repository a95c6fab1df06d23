import LianxinCore
import Vapor

/// The 小微权力监督 operations of /openapi.json.
enum OversightOpenAPI: OpenAPIVocabulary {
    static var list: (JSONValue) -> JSONValue { { ["type": "array", "items": $0] } }
    static var created: JSONValue { object([("id", uuid), ("status", text)], required: ["id"]) }
    static var report: JSONValue {
        object([
            ("id", uuid), ("trackingCode", text), ("place", text), ("official", text), ("what", text), ("happenedOn", text),
            ("firstTime", boolean), ("status", text), ("statusCode", enumeration(Oversight.ReportStatus.allCases.map(\.rawValue))),
            ("finding", text), ("reply", text), ("note", text), ("handler", text), ("reporterName", text), ("reporterPhone", text),
            ("mine", boolean), ("receivedAt", text),
        ])
    }
    static var reportFigures: JSONValue {
        object([
            ("total", integer), ("open", integer), ("concluded", integer), ("substantiated", integer), ("firstTime", integer),
            ("byStatus", list(["type": "object"])), ("byMonth", list(["type": "object"])), ("byDivision", list(["type": "object"])),
        ])
    }
    static var handoverFigures: JSONValue {
        object([
            ("handed", integer), ("open", integer), ("overdue", integer), ("rectified", integer), ("onTime", text),
            ("byDivision", list(["type": "object"])), ("byMonth", list(["type": "object"])), ("handovers", list(["type": "object"])),
        ])
    }

    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/oversight/reports",
            [
                "get": operation(
                    "监督一点通: the confidential reports about officials' conduct in the discipline inspector's division, newest first (reporters' contacts masked). To every other role this answers 404",
                    tag: "oversight", ok: (200, list(report)), errors: [401, 404])
            ]
        ),
        (
            "/api/v1/oversight/reports/{id}",
            [
                "get": operation(
                    "One confidential report (the read is audited); discipline inspectors only, 404 to anyone else or out of the division",
                    tag: "oversight", parameters: [path("id", uuid)], ok: (200, report), errors: [401, 404, 503])
            ]
        ),
        (
            "/api/v1/oversight/reports/{id}/contact",
            [
                "get": operation(
                    "The reporter's name and phone in full, for the inspector handling the report only; every read is audited",
                    tag: "oversight", parameters: [path("id", uuid)], ok: (200, object([("name", text), ("phone", text)])),
                    errors: [401, 403, 404, 503])
            ]
        ),
        (
            "/api/v1/oversight/reports/{id}/actions",
            [
                "post": operation(
                    "Accept, decline (with the reason the reporter reads), start verification, or conclude (finding and the reply the reporter reads); after acceptance only the inspector who accepted it acts",
                    tag: "oversight", parameters: [path("id", uuid)],
                    body: object(
                        [
                            ("action", enumeration(Oversight.ReportAction.allCases.map(\.rawValue))),
                            ("finding", enumeration(Oversight.Finding.allCases.map(\.rawValue))), ("reply", text), ("note", text),
                        ], required: ["action"]), ok: (200, created), errors: [401, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/oversight/report-figures",
            [
                "get": operation(
                    "监督一点通 counts in scope without any content: by state, by month (six months) and by division; first-time reports (初信初访)",
                    tag: "oversight", ok: (200, reportFigures))
            ]
        ),
        (
            "/api/v1/oversight/handovers",
            [
                "get": operation(
                    "巡察移交 in scope: handed over, open, overdue, rectified, on-time share, by division and month, and the handovers",
                    tag: "oversight", ok: (200, handoverFigures)),
                "post": operation(
                    "The inspection group hands a problem it found to a township or village of its county with a deadline (立行立改)",
                    tag: "oversight",
                    body: object(
                        [("divisionCode", text), ("title", text), ("problem", text), ("foundOn", text), ("deadline", text)],
                        required: ["divisionCode", "title", "problem", "deadline"]), ok: (201, created), errors: [401, 403, 404, 422]),
            ]
        ),
        (
            "/api/v1/oversight/handovers/{id}/actions",
            [
                "post": operation(
                    "The township replies with what was done and its proof (reply); the inspection group accepts it as rectified (accept) or returns it with a reason (return)",
                    tag: "oversight", parameters: [path("id", uuid)],
                    body: object(
                        [
                            ("action", enumeration(Oversight.HandoverAction.allCases.map(\.rawValue))), ("reply", text), ("proof", text),
                            ("reason", text),
                        ], required: ["action"]), ok: (200, created), errors: [401, 403, 404, 409, 422])
            ]
        ),
    ]
}
