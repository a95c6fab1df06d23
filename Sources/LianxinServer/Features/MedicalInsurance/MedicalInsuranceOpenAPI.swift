import Vapor
import LianxinCore

/// The medical-insurance operations of /openapi.json.
enum MedicalInsuranceOpenAPI: OpenAPIVocabulary {
    static var cells: JSONValue { ["type": "object", "additionalProperties": ["type": ["string", "number", "null"]]] }

    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/medical-insurance/pre-audit",
            [
                "post": operation(
                    "事前审核: check one settlement and its lines (the columns of settlements.csv and items.csv) before it is settled; "
                        + "answers the rules' warnings and the time the check took (fund supervisors)", tag: "medical-insurance",
                    body: object([("settlement", cells), ("items", ["type": "array", "maxItems": 2000, "items": cells])], required: ["settlement"]),
                    ok: (
                        200,
                        object([
                            ("settlementID", text),
                            (
                                "warnings",
                                [
                                    "type": "array",
                                    "items": object([
                                        ("rule", enumeration(ScreeningRuleKind.allCases.map(\.rawValue))), ("title", text), ("amount", text),
                                        ("evidence", ["type": "array", "items": object([("name", text), ("label", text), ("value", text)])]),
                                    ]),
                                ]
                            ),
                            ("checkedInMilliseconds", ["type": "number"]),
                        ])
                    ), errors: [400, 401, 403, 422])
            ]
        ),
        (
            "/api/v1/medical-insurance/screenings",
            [
                "post": operation(
                    "Screen every stored settlement now; new leads are stored (fund supervisors)", tag: "medical-insurance", ok: (200, nil))
            ]
        ),
        (
            "/api/v1/medical-insurance/leads",
            [
                "get": operation(
                    "Leads in your division with their evidence (fund supervisors)", tag: "medical-insurance",
                    parameters: [
                        query("status", enumeration(["open", "confirmed", "dismissed"]), "only leads in this state"),
                        query("rule", enumeration(ScreeningRuleKind.allCases.map(\.rawValue)), "only this rule's leads"),
                        query("limit", ["type": "integer", "minimum": 1, "maximum": 500], "default 100"),
                    ], ok: (200, nil))
            ]
        ),
        (
            "/api/v1/medical-insurance/settlements/{id}/unmask",
            [
                "post": operation(
                    "The patient's full ID number, with a reason (2–200 characters); audited", tag: "medical-insurance",
                    parameters: [path("id", uuid)],
                    body: object([("reason", text)], required: ["reason"]), ok: (200, object([("patientID", text)])), errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/medical-insurance/station-services",
            [
                "post": operation(
                    "Record a service a hospital station gave (one of the 14 services)", tag: "medical-insurance",
                    body: object([("institutionCode", text), ("service", text), ("note", text)], required: ["institutionCode", "service"]),
                    ok: (201, nil), errors: [401, 403, 422])
            ]
        ),
        (
            "/api/v1/medical-insurance/station-tasks",
            [
                "get": operation(
                    "前沿哨兵: station tasks in your division (a station worker: only their own), open ones first", tag: "medical-insurance",
                    parameters: [query("status", enumeration(StationTask.Status.allCases.map(\.rawValue)), "only tasks in this state")],
                    ok: (200, nil)),
                "post": operation(
                    "Give a daily patrol, focused check or discharge review of an institution to a station worker (fund supervisors)",
                    tag: "medical-insurance",
                    body: object(
                        [
                            ("kind", enumeration(StationTask.Kind.allCases.map(\.rawValue))), ("institutionCode", text), ("assignee", text),
                            ("dueOn", ["type": "string", "format": "date"]), ("subject", text), ("settlementId", text),
                        ], required: ["kind", "institutionCode", "assignee", "dueOn", "subject"]), ok: (201, nil), errors: [401, 403, 422]),
            ]
        ),
        (
            "/api/v1/medical-insurance/station-tasks/{id}/completion",
            [
                "post": operation(
                    "Complete a station task: every checklist item passed or failed (a failed one with a note), the finding, and "
                        + "optionally the lead it raises into the review queue (rule, amount in yuan)", tag: "medical-insurance",
                    parameters: [path("id", uuid)],
                    body: object(
                        [
                            (
                                "answers",
                                [
                                    "type": "array",
                                    "items": object(
                                        [("item", text), ("outcome", enumeration(["passed", "failed"])), ("note", text)], required: ["item"]),
                                ]
                            ),
                            ("finding", text), ("raiseLead", ["type": "boolean"]),
                            ("rule", enumeration(StationTask.leadRules.map(\.rawValue))), ("amount", text),
                        ], required: ["answers"]), ok: (200, nil), errors: [401, 403, 404, 422])
            ]
        ),
    ]
}
