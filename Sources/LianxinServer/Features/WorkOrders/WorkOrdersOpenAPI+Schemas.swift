import Vapor
import LianxinCore

extension WorkOrdersOpenAPI {
    static let schemaList: [(String, JSONValue)] = [
        (
            "NewWorkOrder",
            object(
                [
                    ("title", ["type": "string", "minLength": 1, "maxLength": 200]),
                    ("description", ["type": "string", "minLength": 1, "maxLength": 4000]),
                    ("categoryCode", text), ("channel", enumeration(LianxinCore.Channel.allCases.map(\.rawValue))),
                    ("requestKind", enumeration(RequestKind.allCases.map(\.rawValue))), ("tier", enumeration(Tier.allCases.map(\.rawValue))),
                    ("priority", enumeration(Priority.allCases.map(\.rawValue))),
                    ("divisionCode", string("division code; may be left out when latitude/longitude lie inside a grid")),
                    ("latitude", number), ("longitude", number), ("address", text), ("requesterName", text), ("requesterPhone", text),
                    ("anonymous", boolean),
                    ("suggestedCategoryCode", string("the category the intake desk suggested; a different choice is kept for training")),
                ],
                required: ["title", "description", "categoryCode"])
        ),
        (
            "WorkOrder",
            object(
                [
                    ("id", uuid), ("number", text), ("trackingCode", text), ("status", enumeration(WorkOrderStatus.allCases.map(\.rawValue))),
                    ("channel", text), ("requestKind", text), ("categoryCode", text), ("tier", text), ("priority", text), ("handlingLevel", text),
                    ("title", text), ("description", text), ("latitude", nullable("number")), ("longitude", nullable("number")),
                    ("address", nullable("string")), ("divisionCode", text), ("gridCode", nullable("string")), ("gridVersion", nullable("integer")),
                    ("departmentId", nullable("string", format: "uuid")),
                    ("suggestedDepartmentId", nullable("string", format: "uuid")), ("assigneeId", nullable("string", format: "uuid")),
                    ("requesterName", nullable("string")), ("requesterPhone", nullable("string")), ("anonymous", boolean),
                    ("parentId", nullable("string", format: "uuid")), ("supervisionLevel", integer), ("overdue", boolean), ("slaPolicy", text),
                    (
                        "clocks",
                        [
                            "type": "array",
                            "items": object([
                                ("stage", text), ("startedAt", dateTime), ("dueAt", dateTime), ("warningAt", dateTime),
                                ("status", enumeration(ClockStatus.allCases.map(\.rawValue))), ("running", boolean),
                            ]),
                        ]
                    ),
                    ("version", integer), ("createdAt", dateTime), ("updatedAt", dateTime),
                    (
                        "assists",
                        [
                            "type": "array",
                            "items": object([
                                ("departmentId", uuid), ("status", enumeration(AssistStatus.allCases.map(\.rawValue))), ("addedAt", dateTime),
                                ("signedAt", nullable("string", format: "date-time")), ("reportedAt", nullable("string", format: "date-time")),
                                ("note", nullable("string")),
                            ]),
                        ]
                    ),
                ],
                required: ["id", "number", "trackingCode", "status", "title", "divisionCode", "clocks", "version", "createdAt"])
        ),
        (
            "Attachment",
            object(
                [
                    ("id", uuid), ("purpose", text), ("contentType", text), ("byteSize", integer), ("sha256", text),
                    ("uploader", text), ("createdAt", dateTime), ("url", nullable("string")),
                ],
                required: ["id", "purpose", "contentType", "byteSize", "sha256", "uploader", "createdAt"])
        ),
        (
            "WorkOrderEvent",
            object(
                [
                    ("sequence", integer), ("kind", enumeration(WorkOrderEventKind.allCases.map(\.rawValue))), ("from", nullable("string")),
                    ("to", text), ("actor", text), ("actorId", nullable("string", format: "uuid")), ("at", dateTime), ("note", nullable("string")),
                ],
                required: ["sequence", "kind", "to", "actor", "at"])
        ),
        (
            "Transition",
            object(
                [
                    (
                        "action",
                        enumeration([
                            "accept", "dispatch", "redispatch", "sign", "assign", "return", "arrive", "startProgress",
                            "addProgressNote", "requestExtension", "approveExtension", "refuseExtension", "complete", "review",
                            "revisit", "reopen", "close", "merge", "shelve", "unshelve", "cancel", "pause", "resume", "remind",
                            "supervise", "escalate", "addInformation", "answerDirectly", "approveReturn", "refuseReturn", "appealAssessment",
                            "decideAppeal", "verify", "addAssists", "signAssist", "reportAssist", "requestAssistRelease",
                            "decideAssistRelease", "waiveAssist",
                        ])
                    ),
                    ("note", text), ("reason", text), ("departmentId", uuid), ("assigneeId", uuid), ("latitude", number), ("longitude", number),
                    ("photoIds", ["type": "array", "items": uuid]), ("extraAmount", integer),
                    ("extraUnit", enumeration(TimeLimitUnit.allCases.map(\.rawValue))), ("approved", boolean),
                    ("satisfaction", enumeration(Satisfaction.allCases.map(\.rawValue))), ("solved", boolean), ("comment", text),
                    ("parentId", uuid), ("deadline", dateTime), ("returnReasonId", uuid),
                    ("appealKind", enumeration(AppealKind.allCases.map(\.rawValue))), ("publicReply", text), ("answer", text),
                    ("knowledgeEntryId", uuid), ("assistDepartmentIds", ["type": "array", "items": uuid]),
                ], required: ["action"])
        ),
        (
            "InboxItem",
            object([
                ("id", uuid), ("kind", text), ("text", text), ("orderId", nullable("string", format: "uuid")), ("createdAt", dateTime),
                ("read", boolean),
            ])
        ),
        (
            "PublicOrder",
            object([
                ("number", text), ("trackingCode", text), ("status", text), ("statusTitle", text), ("open", boolean), ("title", text),
                ("category", text), ("createdAt", dateTime), ("requesterName", nullable("string")), ("requesterPhone", nullable("string")),
                ("canEvaluate", boolean), ("history", ["type": "array", "items": object([("at", dateTime), ("kind", text), ("title", text)])]),
            ])
        ),
    ]
}
