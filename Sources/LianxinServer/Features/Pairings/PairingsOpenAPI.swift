import Vapor
import LianxinCore

/// The Pairings operations and schemas of /openapi.json.
enum PairingsOpenAPI: OpenAPIVocabulary {
    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/grid-clusters",
            [
                "get": operation(
                    "Grid clusters (片区) in your division", tag: "residents", ok: (200, ["type": "array", "items": ref("GridCluster")]),
                    errors: [401, 403]),
                "post": operation(
                    "Group grids in force into a cluster (a grid belongs to one cluster)", tag: "residents",
                    body: object(
                        [("code", text), ("name", text), ("gridCodes", ["type": "array", "items": text]), ("leaderId", uuid)],
                        required: ["code", "name", "gridCodes"]),
                    ok: (201, ref("GridCluster")), errors: [401, 403, 409, 422]),
            ]
        ),
        (
            "/api/v1/pairings",
            [
                "get": operation(
                    "Current pairings in your division", tag: "residents",
                    parameters: [query("kind", enumeration(PairingKinds.all), "one kind"), query("person", text, "one person")],
                    ok: (200, ["type": "array", "items": ref("Pairing")]), errors: [401, 403, 422]),
                "post": operation(
                    "Pair a person with households (partyMember, at most 20), divisions (cadre) or clusters (leader); all or nothing",
                    tag: "residents",
                    body: object(
                        [
                            ("kind", enumeration(PairingKinds.all)), ("personName", text), ("personId", uuid),
                            ("targets", ["type": "array", "items": text]),
                        ], required: ["kind", "personName", "targets"]),
                    ok: (201, ["type": "array", "items": ref("Pairing")]), errors: [401, 403, 422]),
            ]
        ),
        (
            "/api/v1/pairings/{id}/end",
            [
                "post": operation(
                    "End a pairing", tag: "residents", parameters: [path("id", uuid)],
                    ok: (200, ref("Pairing")), errors: [401, 403, 404, 409])
            ]
        ),
        (
            "/api/v1/pairing-coverage",
            [
                "get": operation(
                    "Households without a party member, communities without a cadre, party members outside 10–20 households, clusters without a leader",
                    tag: "residents",
                    ok: (
                        200,
                        object([
                            (
                                "communities",
                                [
                                    "type": "array",
                                    "items": object([
                                        ("communityCode", text), ("households", integer), ("pairedHouseholds", integer),
                                        ("coverage", nullable("number")), ("hasCadre", boolean),
                                        ("unpaired", ["type": "array", "items": object([("householdId", uuid), ("address", text)])]),
                                    ]),
                                ]
                            ),
                            (
                                "partyMembers",
                                ["type": "array", "items": object([("personName", text), ("households", integer), ("withinRange", boolean)])]
                            ),
                            ("clustersWithoutLeader", ["type": "array", "items": text]),
                        ])
                    ),
                    errors: [401, 403])
            ]
        ),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "GridCluster",
            object(
                [
                    ("id", uuid), ("code", text), ("name", text), ("divisionCode", text), ("gridCodes", ["type": "array", "items": text]),
                    ("leaderId", nullable("string", format: "uuid")),
                ], required: ["id", "code", "name", "divisionCode", "gridCodes"])
        ),
        (
            "Pairing",
            object(
                [
                    ("id", uuid), ("kind", enumeration(PairingKinds.all)), ("personName", text),
                    ("personId", nullable("string", format: "uuid")),
                    ("target", text), ("divisionCode", text), ("validFrom", dateTime), ("validTo", nullable("string", format: "date-time")),
                ],
                required: ["id", "kind", "personName", "target", "divisionCode", "validFrom"])
        ),
    ]
}
