import Vapor
import LianxinCore

extension EngagementOpenAPI {
    static let pathsMediationRates: [(String, JSONValue)] = [
        (
            "/api/v1/mediation-rates",
            [
                "get": D.operation(
                    "Mediation success rate per mediator and per community", tag: "disputes",
                    parameters: [D.query("from", day, "received on or after"), D.query("to", day, "received on or before")],
                    ok: (200, D.ref("MediationRates")), errors: [401, 403, 422])
            ]
        ),
        (
            "/api/v1/petitions",
            [
                "get": D.operation(
                    "Petitions in your scope (petitioner masked)", tag: "disputes",
                    parameters: [D.query("status", D.enumeration(PetitionStatus.allCases.map(\.rawValue)), "only this status")],
                    ok: (200, list("Petition")), errors: [401, 403, 422]),
                "post": D.operation(
                    "Register a petition (name and phone encrypted; a phone seen before makes it a repeat petition)", tag: "disputes",
                    body: D.object(
                        [
                            ("channel", D.enumeration(PetitionChannel.allCases.map(\.rawValue))), ("receivedOn", day),
                            ("petitionerName", D.text), ("petitionerPhone", D.text), ("subject", D.text), ("content", D.text),
                            ("divisionCode", D.text), ("firstTime", D.boolean),
                        ],
                        required: ["petitionerName", "subject", "content"]),
                    ok: (201, D.ref("Petition")), errors: [400, 401, 403, 422]),
            ]
        ),
        (
            "/api/v1/petitions/daily",
            [
                "get": D.operation(
                    "日日清: first-time petitions still unanswered, longest waiting first", tag: "disputes",
                    parameters: [D.query("day", day, "as of this day (default today)")], ok: (200, D.ref("PetitionDaily")), errors: [401, 403, 422])
            ]
        ),
        (
            "/api/v1/petitions/weekly",
            [
                "get": D.operation(
                    "周周审: the week's petitions to review and its figures", tag: "disputes",
                    parameters: [D.query("week", day, "any day of the week (default today)")], ok: (200, D.ref("PetitionWeekly")),
                    errors: [401, 403, 422])
            ]
        ),
        (
            "/api/v1/petitions/monthly",
            [
                "get": D.operation(
                    "月月结: the monthly close report", tag: "disputes",
                    parameters: [D.query("month", ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"], "YYYY-MM (default this month)")],
                    ok: (200, D.ref("PetitionMonthly")), errors: [401, 403, 422])
            ]
        ),
        (
            "/api/v1/petitions/{id}",
            [
                "get": D.operation(
                    "One petition, masked (the reading is audited)", tag: "disputes", parameters: [id],
                    ok: (200, D.ref("Petition")), errors: [401, 403, 404])
            ]
        ),
        (
            "/api/v1/petitions/{id}/answer",
            [
                "post": D.operation(
                    "Answer the petitioner", tag: "disputes", parameters: [id],
                    body: D.object([("answer", D.text)], required: ["answer"]), ok: (200, D.ref("Petition")), errors: [400, 401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/petitions/{id}/close",
            [
                "post": D.operation(
                    "Close an answered petition with its result", tag: "disputes", parameters: [id],
                    body: D.object([("result", D.text)], required: ["result"]), ok: (200, D.ref("Petition")), errors: [400, 401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/petitions/{id}/reviews",
            [
                "post": D.operation(
                    "周周审: review the petition this week", tag: "disputes", parameters: [id],
                    body: D.object([("note", D.text)], required: ["note"]), ok: (201, D.ref("Petition")), errors: [400, 401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/petitions/{id}/mediation",
            [
                "post": D.operation(
                    "访调融合: hand the petition to a mediation case", tag: "disputes", parameters: [id],
                    body: D.object([("mediationCaseId", D.uuid)], required: ["mediationCaseId"]), ok: (200, D.ref("Petition")),
                    errors: [400, 401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/petitions/{id}/unmask",
            [
                "post": D.operation(
                    "The petitioner's full name and phone, with a reason (audited)", tag: "disputes",
                    parameters: [id], body: D.object([("reason", ["type": "string", "minLength": 2, "maxLength": 200])], required: ["reason"]),
                    ok: (200, D.ref("Petition")), errors: [400, 401, 403, 404, 422])
            ]
        ),
    ]
}
