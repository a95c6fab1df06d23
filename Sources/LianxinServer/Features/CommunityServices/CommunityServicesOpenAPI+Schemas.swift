import Vapor
import LianxinCore

extension CommunityServicesOpenAPI {
    static let schemaList: [(String, JSONValue)] = [
        (
            "ServiceMenuItem",
            Doc.object(
                [("id", Doc.uuid), ("communityCode", Doc.text), ("name", Doc.text), ("description", Doc.text), ("active", Doc.boolean)],
                required: ["id", "communityCode", "name", "description", "active"])
        ),
        (
            "ServiceOrderInput",
            Doc.object(
                [
                    ("communityCode", Doc.text), ("itemId", Doc.uuid), ("residentName", Doc.text), ("phone", Doc.text),
                    ("address", Doc.text), ("note", Doc.text),
                ], required: ["itemId", "residentName", "phone", "address"])
        ),
        (
            "ServiceOrderAction",
            Doc.object(
                [
                    ("action", Doc.enumeration(ServiceOrderService.actions)), ("volunteerId", Doc.uuid), ("reason", Doc.text), ("note", Doc.text),
                    ("satisfaction", Doc.enumeration(Satisfaction.allCases.map(\.rawValue))), ("solved", Doc.boolean), ("comment", Doc.text),
                ],
                required: ["action"])
        ),
        (
            "ServiceOrder",
            Doc.object(
                [
                    ("id", Doc.uuid), ("trackingCode", Doc.text), ("communityCode", Doc.text), ("itemId", Doc.uuid), ("itemName", Doc.text),
                    ("residentName", Doc.text), ("phone", Doc.string("masked")), ("address", Doc.text), ("note", Doc.text),
                    ("status", Doc.enumeration(ServiceOrderStatus.allCases.map(\.rawValue))), ("statusTitle", Doc.text),
                    ("volunteerId", optionalUUID),
                    ("volunteerName", optionalText), ("source", Doc.enumeration(["public", "staff"])), ("completionNote", optionalText),
                    ("satisfaction", optionalText), ("solved", Doc.nullable("boolean")), ("comment", optionalText), ("createdAt", Doc.dateTime),
                    ("updatedAt", Doc.dateTime),
                    (
                        "events",
                        array(
                            Doc.object(
                                [
                                    ("sequence", Doc.integer), ("action", Doc.text), ("fromStatus", optionalText), ("toStatus", Doc.text),
                                    ("actor", Doc.text),
                                    ("volunteerId", optionalUUID), ("note", optionalText), ("at", Doc.dateTime),
                                ],
                                required: ["sequence", "action", "toStatus", "actor", "at"]))
                    ),
                ],
                required: [
                    "id", "trackingCode", "communityCode", "itemId", "itemName", "residentName", "phone", "address", "note", "status", "statusTitle",
                    "source", "createdAt", "updatedAt",
                ])
        ),
        (
            "PublicServiceOrder",
            Doc.object(
                [
                    ("trackingCode", Doc.text), ("itemName", Doc.text), ("residentName", Doc.string("masked")), ("status", Doc.text),
                    ("statusTitle", Doc.text),
                    ("canEvaluate", Doc.boolean), ("satisfaction", optionalText), ("createdAt", Doc.dateTime),
                    (
                        "history",
                        array(Doc.object([("action", Doc.text), ("status", Doc.text), ("at", Doc.dateTime)], required: ["action", "status", "at"]))
                    ),
                ], required: ["trackingCode", "itemName", "residentName", "status", "statusTitle", "canEvaluate", "createdAt", "history"])
        ),
        (
            "Wish",
            Doc.object(
                [
                    ("id", Doc.uuid), ("communityCode", Doc.text), ("residentName", Doc.text), ("phone", Doc.nullable("string")), ("title", Doc.text),
                    ("details", Doc.text),
                    ("status", Doc.enumeration(WishStatus.allCases.map(\.rawValue))), ("statusTitle", Doc.text),
                    ("claimantKind", optionalText), ("claimantName", optionalText), ("volunteerId", optionalUUID), ("claimedAt", optionalTime),
                    ("fulfilmentNote", optionalText), ("photoUrl", optionalText), ("fulfilledAt", optionalTime), ("confirmedAt", optionalTime),
                    ("createdAt", Doc.dateTime),
                ], required: ["id", "communityCode", "residentName", "title", "details", "status", "statusTitle", "createdAt"])
        ),
        (
            "WallWish",
            Doc.object(
                [
                    ("id", Doc.uuid), ("communityCode", Doc.text), ("communityName", Doc.text), ("resident", Doc.string("masked name")),
                    ("title", Doc.text),
                    ("details", Doc.text), ("status", Doc.text), ("statusTitle", Doc.text), ("claimant", optionalText), ("createdAt", Doc.dateTime),
                ], required: ["id", "communityCode", "communityName", "resident", "title", "details", "status", "statusTitle", "createdAt"])
        ),
        (
            "VolunteerInput",
            Doc.object(
                [
                    ("communityCode", Doc.text), ("name", Doc.text), ("phone", Doc.text), ("teamId", Doc.uuid), ("partyMember", Doc.boolean),
                    ("inService", Doc.boolean), ("workplace", Doc.text),
                ], required: ["name", "phone"])
        ),
        (
            "Volunteer",
            Doc.object(
                [
                    ("id", Doc.uuid), ("communityCode", Doc.text), ("name", Doc.text), ("phone", Doc.string("masked")), ("teamId", optionalUUID),
                    ("partyMember", Doc.boolean), ("inService", Doc.boolean), ("workplace", optionalText), ("registeredAt", Doc.dateTime),
                    (
                        "balance",
                        ["type": "integer", "minimum": 0, "description": "points: the sum of the volunteer's ledger entries, never below zero"]
                    ),
                ], required: ["id", "communityCode", "name", "phone", "partyMember", "inService", "registeredAt", "balance"])
        ),
        (
            "PointsEntry",
            Doc.object(
                [
                    ("amount", Doc.integer), ("reason", Doc.enumeration(PointsReason.allCases.map(\.rawValue))), ("referenceId", optionalUUID),
                    ("at", Doc.dateTime),
                ], required: ["amount", "reason", "at"])
        ),
        (
            "VolunteerTeam",
            Doc.object(
                [("id", Doc.uuid), ("communityCode", Doc.text), ("name", Doc.text), ("members", Doc.integer)],
                required: ["id", "communityCode", "name", "members"])
        ),
        (
            "EarnRules",
            Doc.object(
                [
                    ("communityCode", Doc.text), ("pointsPerServiceHour", Doc.integer),
                    ("serviceRounding", Doc.enumeration(PointsRounding.allCases.map(\.rawValue))),
                    ("pointsPerWish", Doc.integer), ("pointsPerEvent", Doc.integer),
                ],
                required: ["communityCode", "pointsPerServiceHour", "serviceRounding", "pointsPerWish", "pointsPerEvent"])
        ),
        (
            "VolunteerActivity",
            Doc.object(
                [
                    ("id", Doc.uuid), ("communityCode", Doc.text), ("title", Doc.text), ("place", Doc.text), ("startsAt", Doc.dateTime),
                    ("endsAt", Doc.dateTime),
                    ("capacity", Doc.integer), ("signedUp", Doc.integer), ("checkInUrl", Doc.text),
                    (
                        "signups",
                        array(
                            Doc.object(
                                [
                                    ("volunteerId", Doc.uuid), ("name", Doc.text), ("signedUpAt", Doc.dateTime), ("checkedInAt", optionalTime),
                                    ("checkedOutAt", optionalTime), ("checkedBy", optionalText), ("minutes", Doc.nullable("integer")),
                                ],
                                required: ["volunteerId", "name", "signedUpAt"]))
                    ),
                ], required: ["id", "communityCode", "title", "place", "startsAt", "endsAt", "capacity", "signedUp", "checkInUrl"])
        ),
        (
            "MerchantGoods",
            Doc.object(
                [("id", Doc.uuid), ("merchantId", Doc.uuid), ("name", Doc.text), ("points", Doc.integer), ("stock", Doc.integer)],
                required: ["id", "merchantId", "name", "points", "stock"])
        ),
        (
            "Merchant",
            Doc.object(
                [
                    ("id", Doc.uuid), ("communityCode", Doc.text), ("name", Doc.text), ("address", Doc.text),
                    ("goods", array(Doc.ref("MerchantGoods"))),
                ],
                required: ["id", "communityCode", "name", "address", "goods"])
        ),
        (
            "PointsExchange",
            Doc.object(
                [
                    ("id", Doc.uuid), ("volunteerId", Doc.uuid), ("goodsId", Doc.uuid), ("quantity", Doc.integer), ("points", Doc.integer),
                    ("balance", Doc.nullable("integer")), ("at", Doc.dateTime),
                ],
                required: ["id", "volunteerId", "goodsId", "quantity", "points", "at"])
        ),
        (
            "ServiceStation",
            Doc.object(
                [
                    ("id", Doc.uuid), ("communityCode", Doc.text), ("communityName", optionalText), ("name", Doc.text),
                    ("kind", Doc.enumeration(ServiceStationKind.allCases.map(\.rawValue))), ("kindTitle", Doc.text), ("address", Doc.text),
                    ("latitude", Doc.number), ("longitude", Doc.number), ("services", array(Doc.text)), ("openingHours", Doc.text),
                    ("openNow", Doc.boolean), ("phone", Doc.text),
                ],
                required: [
                    "id", "communityCode", "name", "kind", "kindTitle", "address", "latitude", "longitude", "services", "openingHours", "openNow",
                    "phone",
                ])
        ),
    ]
}
