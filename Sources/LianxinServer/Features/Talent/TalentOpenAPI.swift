import Vapor
import LianxinCore

/// The talent-sharing operations of /openapi.json.
enum TalentOpenAPI: OpenAPIVocabulary {
    static var list: JSONValue { ["type": "array", "items": text] }
    static var created: JSONValue { object([("id", uuid), ("status", text), ("ownToken", text)]) }
    static var modes: JSONValue { enumeration(SharingMode.allCases.map(\.rawValue)) }
    static var agreement: JSONValue {
        object([
            ("id", uuid), ("status", enumeration(AgreementStatus.allCases.map(\.rawValue))), ("mode", modes), ("startsOn", text),
            ("endsOn", text), ("required", list), ("approvals", list), ("evaluations", list),
        ])
    }

    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/talent/organisations",
            [
                "post": operation(
                    "Register an enterprise, institute or college as a sharing and/or demand party, with its contact (talent centre)",
                    tag: "talent",
                    body: object(
                        [
                            ("name", text), ("kind", enumeration(["enterprise", "institute", "college"])), ("shares", boolean),
                            ("demands", boolean), ("division", text), ("contactName", text), ("contactPhone", text),
                        ], required: ["name", "kind", "contactName"]), ok: (201, created), errors: [401, 403, 422])
            ]
        ),
        (
            "/api/v1/talent/organisations/{id}/members",
            [
                "post": operation(
                    "Let an enterprise-contact account act for the organisation (talent centre)", tag: "talent", parameters: [path("id", uuid)],
                    body: object([("username", text)], required: ["username"]), ok: (204, nil), errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/talent/profiles",
            [
                "post": operation(
                    "Add a person to a talent pool: skills from the talent map, certificates `code:YYYY-MM-DD`, availability "
                        + "`YYYY-MM-DD/YYYY-MM-DD`, modes accepted, consent to be shared; phone and ID number are sealed (centre, or an "
                        + "organisation for its own people)", tag: "talent",
                    body: object(
                        [
                            ("name", text), ("pool", text), ("homeOrgID", uuid), ("phone", text), ("idNumber", text), ("skills", list),
                            ("certificates", list), ("experienceYears", integer), ("experience", text), ("availability", list),
                            ("modes", ["type": "array", "items": modes]), ("lat", number), ("lon", number), ("consented", boolean),
                        ], required: ["name", "pool", "skills", "modes"]), ok: (201, created), errors: [401, 403, 422])
            ]
        ),
        (
            "/api/v1/talent/profiles/{id}",
            [
                "get": operation(
                    "A profile; name and phone masked until the caller's organisation has an agreed agreement with the person. "
                        + "Profiles not shared with the platform answer 404 to enterprises; every look is recorded for the person",
                    tag: "talent", parameters: [path("id", uuid)], ok: (200, nil), errors: [401, 403, 404])
            ]
        ),
        (
            "/api/v1/talent/profiles/{id}/views",
            [
                "get": operation(
                    "Who looked at the profile and when (Beijing time) (talent centre)", tag: "talent", parameters: [path("id", uuid)],
                    ok: (200, nil), errors: [401, 403, 404])
            ]
        ),
        (
            "/api/v1/talent/demands",
            [
                "post": operation(
                    "Submit a demand (post, skills, certificates, mode, period, headcount, place, pay terms); it waits for the centre's review",
                    tag: "talent",
                    body: object(
                        [
                            ("orgID", uuid), ("post", text), ("skills", list), ("certificates", list), ("mode", modes), ("startsOn", text),
                            ("endsOn", text), ("headcount", integer), ("place", text), ("payTerms", text),
                        ], required: ["post", "skills", "mode", "startsOn", "endsOn", "place", "payTerms"]), ok: (201, created),
                    errors: [401, 403, 422])
            ]
        ),
        (
            "/api/v1/talent/demands/{id}/review",
            [
                "post": operation(
                    "Publish or reject a pending demand (a rejection needs a reason) (talent centre)", tag: "talent",
                    parameters: [path("id", uuid)],
                    body: object([("decision", enumeration(["publish", "reject"])), ("note", text)], required: ["decision"]),
                    ok: (200, created), errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/talent/demands/{id}/matches",
            [
                "get": operation(
                    "Ranked candidates with their reasons (skills, certificates, availability, distance, experience) and the count of "
                        + "people left out by each rule (talent centre)", tag: "talent",
                    parameters: [path("id", uuid), query("limit", ["type": "integer", "minimum": 1, "maximum": 50], "default 10")],
                    ok: (200, nil), errors: [401, 403, 404])
            ]
        ),
        (
            "/api/v1/talent/supplies",
            [
                "post": operation(
                    "Offer surplus people for a period: skills, headcount, the organisation's own people by id (optional), modes "
                        + "(an organisation for itself; the centre names the organisation)", tag: "talent",
                    body: object(
                        [
                            ("orgID", uuid), ("skills", list), ("headcount", integer), ("profileIDs", list),
                            ("modes", ["type": "array", "items": modes]), ("startsOn", text), ("endsOn", text), ("note", text),
                        ], required: ["skills", "modes", "startsOn", "endsOn"]), ok: (201, created), errors: [401, 403, 422]),
                "get": operation("The supplies of your division, names masked", tag: "talent", ok: (200, nil), errors: [401, 403]),
            ]
        ),
        (
            "/api/v1/talent/agreements",
            [
                "post": operation(
                    "Propose an agreement from a published demand and a person; the mode's rules apply (deliverables, term) (talent centre)",
                    tag: "talent",
                    body: object(
                        [("demandID", uuid), ("profileID", uuid), ("deliverables", list), ("termMonths", integer), ("terms", text)],
                        required: ["demandID", "profileID"]), ok: (201, agreement), errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/talent/agreements/{id}",
            [
                "get": operation(
                    "One agreement you take part in", tag: "talent", parameters: [path("id", uuid)], ok: (200, agreement), errors: [401, 403, 404])
            ]
        ),
        (
            "/api/v1/talent/agreements/{id}/actions",
            [
                "post": operation(
                    "Approve, refuse (with a reason), withdraw, start, end or evaluate (score 1–5); an organisation acts for its side, "
                        + "the centre records the person's word with party `person`", tag: "talent", parameters: [path("id", uuid)],
                    body: object(
                        [
                            ("action", enumeration(["approve", "refuse", "withdraw", "start", "end", "evaluate"])),
                            ("party", enumeration(["person"])), ("score", integer), ("note", text),
                        ], required: ["action"]), ok: (200, agreement), errors: [401, 403, 404, 409, 422])
            ]
        ),
        (
            "/api/v1/talent/map",
            [
                "get": operation(
                    "The talent map: people by skill against open demands, shortages and surpluses for a period, and six months ahead",
                    tag: "talent", parameters: [query("from", text, "YYYY-MM-DD, default today"), query("to", text, "YYYY-MM-DD, default +90 days")],
                    ok: (200, nil), errors: [401, 403, 422])
            ]
        ),
    ]
}
