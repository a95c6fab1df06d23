import Vapor
import LianxinCore

extension EngagementOpenAPI {
    static let schemaList: [(String, JSONValue)] = [
        ("ServiceEventStallInput", D.object([("name", D.text), ("departmentId", D.uuid), ("services", D.text)], required: ["name"])),
        (
            "ServiceEventOccurrence",
            D.object(
                [("day", day), ("start", D.dateTime), ("end", D.dateTime), ("lunar", D.text)],
                required: ["day", "start", "end", "lunar"])
        ),
        (
            "ServiceEvent",
            D.object(
                [
                    ("id", D.uuid), ("divisionCode", D.text), ("divisionName", D.text), ("title", D.text),
                    ("kind", D.enumeration(ServiceEventLookup.kinds)),
                    ("place", D.text), ("schedule", D.text), ("scheduleDescription", D.text),
                    (
                        "stalls",
                        [
                            "type": "array",
                            "items": D.object([
                                ("id", D.uuid), ("name", D.text), ("departmentId", optionalUUID),
                                ("departmentName", optionalText), ("services", D.text),
                            ]),
                        ]
                    ),
                    ("next", list("ServiceEventOccurrence")), ("tally", tally),
                ], required: ["id", "divisionCode", "title", "kind", "place", "schedule", "stalls", "next", "tally"])
        ),
        (
            "ServiceEventRequest",
            D.object(
                [
                    ("id", D.uuid), ("heldOn", day), ("stallId", optionalUUID), ("stallName", optionalText), ("description", D.text),
                    ("outcome", D.enumeration(EventRequestOutcome.allCases.map(\.rawValue))), ("result", optionalText), ("orderId", optionalUUID),
                    ("orderNumber", optionalText), ("createdAt", D.dateTime),
                ], required: ["id", "heldOn", "description", "outcome", "createdAt"])
        ),
        ("ServiceEventRequestList", D.object([("tally", tally), ("items", list("ServiceEventRequest"))], required: ["tally", "items"])),
        (
            "MeetingTopicInput",
            D.object([("title", D.text), ("detail", D.text), ("proposer", D.text), ("phone", D.text)], required: ["title", "proposer"])
        ),
        (
            "Meeting",
            D.object(
                [
                    ("id", D.uuid), ("divisionCode", D.text), ("divisionName", D.text), ("kind", D.enumeration(MeetingKind.allCases.map(\.rawValue))),
                    ("kindName", D.text), ("title", D.text), ("place", D.text), ("scheduledAt", D.dateTime),
                    ("stage", D.enumeration(MeetingStage.allCases.map(\.rawValue))), ("minutes", optionalText), ("attendance", D.nullable("integer")),
                    ("heldAt", D.nullable("string", format: "date-time")), ("publishedAt", D.nullable("string", format: "date-time")),
                    (
                        "topics",
                        [
                            "type": "array",
                            "items": D.object([
                                ("id", D.uuid), ("title", D.text), ("detail", D.text), ("proposer", D.text),
                                ("supports", D.integer),
                            ]),
                        ]
                    ),
                    (
                        "opinions",
                        [
                            "type": "array",
                            "items": D.object(
                                [
                                    ("id", D.uuid), ("topicId", optionalUUID), ("speaker", D.string("masked")), ("content", D.text),
                                    ("outcome", D.enumeration(OpinionOutcome.allCases.map(\.rawValue))), ("answer", optionalText),
                                    ("orderNumber", optionalText),
                                    ("orderStatus", optionalText), ("resolvedAt", D.nullable("string", format: "date-time")),
                                ], required: ["id", "speaker", "content", "outcome"]),
                        ]
                    ),
                    ("pendingOpinions", D.integer),
                ], required: ["id", "divisionCode", "kind", "title", "place", "scheduledAt", "stage", "topics", "opinions", "pendingOpinions"])
        ),
        (
            "MediationCase",
            D.object(
                [
                    ("id", D.uuid), ("divisionCode", D.text), ("divisionName", D.text), ("gridCode", optionalText),
                    ("disputeType", D.enumeration(DisputeType.allCases.map(\.rawValue))), ("disputeTypeName", D.text), ("summary", D.text),
                    ("receivedOn", day),
                    (
                        "parties",
                        [
                            "type": "array",
                            "items": D.object(
                                [
                                    ("side", D.enumeration(MediationFigures.sides)), ("name", D.string("masked unless unmasked")),
                                    ("phone", optionalText),
                                ], required: ["side", "name"]),
                        ]
                    ),
                    ("mediators", texts),
                    (
                        "sessions",
                        ["type": "array", "items": D.object([("heldAt", D.dateTime), ("heldAtText", D.text), ("place", D.text), ("note", D.text)])]
                    ),
                    ("outcome", D.nullable("string")), ("outcomeName", optionalText), ("agreementText", optionalText),
                    ("concludedOn", D.nullable("string", format: "date")), ("petitionIds", ["type": "array", "items": D.uuid]),
                ], required: ["id", "divisionCode", "disputeType", "summary", "receivedOn", "parties", "mediators", "sessions", "petitionIds"])
        ),
        (
            "MediationRate",
            D.object(
                [
                    ("key", D.text), ("name", D.text), ("concluded", D.integer), ("agreements", D.integer), ("open", D.integer),
                    ("rate", D.nullable("number")), ("percent", D.text),
                ], required: ["key", "concluded", "agreements", "open", "percent"])
        ),
        (
            "MediationRates",
            D.object(
                [("formula", D.text), ("mediators", list("MediationRate")), ("communities", list("MediationRate"))],
                required: ["formula", "mediators", "communities"])
        ),
        (
            "Petition",
            D.object(
                [
                    ("id", D.uuid), ("divisionCode", D.text), ("divisionName", D.text),
                    ("channel", D.enumeration(PetitionChannel.allCases.map(\.rawValue))),
                    ("channelName", D.text), ("firstTime", D.boolean), ("receivedOn", day), ("petitionerName", D.string("masked unless unmasked")),
                    ("petitionerPhone", optionalText), ("subject", D.text), ("content", D.text),
                    ("status", D.enumeration(PetitionStatus.allCases.map(\.rawValue))),
                    ("answer", optionalText), ("answeredOn", D.nullable("string", format: "date")), ("result", optionalText),
                    ("closedOn", D.nullable("string", format: "date")), ("answerDue", day), ("closeDue", day), ("mediationCaseId", optionalUUID),
                    ("reviews", ["type": "array", "items": D.object([("week", day), ("reviewer", D.text), ("note", D.text), ("at", D.dateTime)])]),
                ],
                required: [
                    "id", "divisionCode", "channel", "firstTime", "receivedOn", "petitionerName", "subject", "content", "status", "answerDue",
                    "closeDue", "reviews",
                ])
        ),
        (
            "PetitionDaily",
            D.object(
                [
                    ("day", day),
                    (
                        "items",
                        [
                            "type": "array",
                            "items": D.object(
                                [
                                    ("petition", D.ref("Petition")), ("daysWaiting", D.integer), ("answerDue", day), ("overdue", D.boolean),
                                ], required: ["petition", "daysWaiting", "answerDue", "overdue"]),
                        ]
                    ),
                ], required: ["day", "items"])
        ),
        (
            "PetitionWeekly",
            D.object(
                [
                    ("weekStart", day), ("weekEnd", day), ("received", D.integer), ("answered", D.integer), ("closed", D.integer),
                    ("stillUnanswered", D.integer), ("overdue", D.integer), ("items", list("Petition")), ("reviewed", D.integer),
                ],
                required: ["weekStart", "weekEnd", "received", "answered", "closed", "stillUnanswered", "overdue", "items", "reviewed"])
        ),
        (
            "PetitionMonthly",
            D.object(
                [
                    ("month", D.text), ("received", D.integer), ("firstTime", D.integer), ("answered", D.integer),
                    ("closed", D.integer), ("closedOnTime", D.integer), ("receivedAndClosed", D.integer), ("carriedOver", D.integer),
                    ("overdueOpen", D.integer), ("closeRate", D.nullable("number")), ("onTimeRate", D.nullable("number")),
                    ("limits", D.text),
                ],
                required: ["month", "received", "firstTime", "answered", "closed", "closedOnTime", "carriedOver", "overdueOpen"])
        ),
    ]
}
