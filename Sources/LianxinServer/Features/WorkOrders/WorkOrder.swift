import Fluent
import Foundation
import LianxinCore

/// One resident request and everything done about it. The columns are a projection of the
/// order's events (`state` holds the full `WorkOrderState`), kept for queries and scope.
final class WorkOrder: Model, @unchecked Sendable {
    static let schema = "work_orders"

    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: String
    @Field(key: "tracking_code") var trackingCode: String
    @Field(key: "channel") var channel: String
    @Field(key: "request_kind") var requestKind: String
    @Field(key: "category_code") var categoryCode: String
    /// The version of the category the order was filed with (nil for orders filed before versions).
    @OptionalField(key: "category_version") var categoryVersion: Int?
    @Field(key: "tier") var tier: String
    @Field(key: "priority") var priority: String
    @Field(key: "status") var status: String
    @Field(key: "handling_level") var handlingLevel: String
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?
    @OptionalField(key: "address") var address: String?
    @Field(key: "division_code") var divisionCode: String
    @OptionalField(key: "department_id") var departmentID: UUID?
    @OptionalField(key: "suggested_department_id") var suggestedDepartmentID: UUID?
    @OptionalField(key: "assignee_id") var assigneeID: UUID?
    @OptionalField(key: "requester_name") var requesterName: String?
    @OptionalField(key: "requester_phone_cipher") var requesterPhoneCipher: Data?
    @OptionalField(key: "requester_phone_index") var requesterPhoneIndex: String?
    @Field(key: "anonymous") var anonymous: Bool
    @OptionalField(key: "parent_id") var parentID: UUID?
    @Field(key: "supervision_level") var supervisionLevel: Int
    @Field(key: "sla_policy_code") var slaPolicyCode: String
    @OptionalField(key: "next_due_at") var nextDueAt: Date?
    @Field(key: "overdue") var overdue: Bool
    /// The instant after which the order is overdue (`DueStatus`): what every list compares with the time of the request.
    @OptionalField(key: "overdue_after") var overdueAfter: Date?
    @Field(key: "state") var state: String
    @Field(key: "clocks") var clocks: String
    @Field(key: "version") var version: Int
    @OptionalField(key: "idempotency_key") var idempotencyKey: String?
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    /// The grid the request was filed in, and the grid's version then (grids are redrawn).
    @OptionalField(key: "grid_code") var gridCode: String?
    @OptionalField(key: "grid_version") var gridVersion: Int?

    /// The clocks last written to `clocks` by this process (not a column), so that the answer to a
    /// write does not parse back the JSON it has just produced.
    var projectedClocks: WorkOrderClocks?

    init() {}
}

/// An immutable record of one thing that happened to an order.
final class WorkOrderEventRecord: Model, @unchecked Sendable {
    static let schema = "work_order_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "order_id") var orderID: UUID
    @Field(key: "sequence") var sequence: Int
    @Field(key: "kind") var kind: String
    @OptionalField(key: "from_status") var fromStatus: String?
    @Field(key: "to_status") var toStatus: String
    @Field(key: "actor") var actor: String
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "at") var at: Date
    @OptionalField(key: "note") var note: String?
    @Field(key: "event") var event: String

    init() {}
}

/// A pending SLA warning or breach of one stage clock; the scheduler claims and fires it once.
final class SLAAlert: Model, @unchecked Sendable {
    static let schema = "sla_alerts"

    @ID(key: .id) var id: UUID?
    @Field(key: "order_id") var orderID: UUID
    @Field(key: "stage") var stage: String
    @Field(key: "kind") var kind: String
    @Field(key: "due_at") var dueAt: Date
    @OptionalField(key: "fired_at") var firedAt: Date?
    @OptionalField(key: "fired_by") var firedBy: String?
    /// When the escalation rules were applied to the fired alert (`EscalationJob`).
    @OptionalField(key: "escalated_at") var escalatedAt: Date?

    init() {}

    init(orderID: UUID, stage: String, kind: String, dueAt: Date) {
        self.orderID = orderID
        self.stage = stage
        self.kind = kind
        self.dueAt = dueAt
    }
}

/// A message in a user's (or a whole department's) in-app inbox.
final class Notification: Model, @unchecked Sendable {
    static let schema = "notifications"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "user_id") var userID: UUID?
    @OptionalField(key: "department_id") var departmentID: UUID?
    @OptionalField(key: "division_code") var divisionCode: String?
    @OptionalField(key: "role") var role: String?
    @OptionalField(key: "order_id") var orderID: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "text") var text: String
    /// The page of the object the message is about (an order, a whistle).
    @OptionalField(key: "link") var link: String?
    /// What the message is about, in the data's own words (an order's number and title, a whistle's title).
    @OptionalField(key: "subject") var subject: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?

    init() {}
}

import SQLKit

/// Column lists and values for multi-row INSERTs written with SQLKit (intake's group commit), which
/// skip Fluent's per-model reflection. Each list names every column of its table.
extension WorkOrder {
    static let insertColumns = [
        "id", "number", "tracking_code", "channel", "request_kind", "category_code", "tier", "priority", "status", "handling_level",
        "title", "description", "latitude", "longitude", "address", "division_code", "department_id", "suggested_department_id",
        "assignee_id", "requester_name", "requester_phone_cipher", "requester_phone_index", "anonymous", "parent_id",
        "supervision_level", "sla_policy_code", "next_due_at", "overdue", "state", "clocks", "version", "idempotency_key",
        "created_by", "created_at", "updated_at", "grid_code", "grid_version", "category_version", "overdue_after",
    ]

    var insertValues: [any SQLExpression] {
        [
            SQLBind(id), SQLBind(number), SQLBind(trackingCode), SQLBind(channel), SQLBind(requestKind), SQLBind(categoryCode),
            SQLBind(tier), SQLBind(priority), SQLBind(status), SQLBind(handlingLevel), SQLBind(title), SQLBind(description),
            SQLBind(latitude), SQLBind(longitude), SQLBind(address), SQLBind(divisionCode), SQLBind(departmentID),
            SQLBind(suggestedDepartmentID), SQLBind(assigneeID), SQLBind(requesterName), SQLBind(requesterPhoneCipher),
            SQLBind(requesterPhoneIndex), SQLBind(anonymous), SQLBind(parentID), SQLBind(supervisionLevel), SQLBind(slaPolicyCode),
            SQLBind(nextDueAt), SQLBind(overdue), SQLBind(state), SQLBind(clocks), SQLBind(version), SQLBind(idempotencyKey),
            SQLBind(createdBy), SQLBind(createdAt), SQLBind(updatedAt), SQLBind(gridCode), SQLBind(gridVersion),
            SQLBind(categoryVersion), SQLBind(overdueAfter),
        ]
    }
}

extension WorkOrderEventRecord {
    static let insertColumns = ["id", "order_id", "sequence", "kind", "from_status", "to_status", "actor", "actor_id", "at", "note", "event"]

    var insertValues: [any SQLExpression] {
        [
            SQLBind(id), SQLBind(orderID), SQLBind(sequence), SQLBind(kind), SQLBind(fromStatus), SQLBind(toStatus), SQLBind(actor),
            SQLBind(actorID), SQLBind(at), SQLBind(note), SQLBind(event),
        ]
    }
}

extension SLAAlert {
    static let insertColumns = ["id", "order_id", "stage", "kind", "due_at", "fired_at", "fired_by"]

    var insertValues: [any SQLExpression] {
        [SQLBind(id), SQLBind(orderID), SQLBind(stage), SQLBind(kind), SQLBind(dueAt), SQLBind(firedAt), SQLBind(firedBy)]
    }
}

extension SQLDatabase {
    /// One INSERT of `rows` (each the values of `columns`, in order).
    func insertRows(into table: String, columns: [String], _ rows: [[any SQLExpression]]) async throws {
        guard !rows.isEmpty else { return }
        var insert = self.insert(into: table).columns(columns)
        for row in rows { insert = insert.values(row) }
        try await insert.run()
    }
}

import NIOConcurrencyHelpers

extension WorkOrder {
    /// Reads a row without Fluent's reflective `output(from:)`, which cost more than the query
    /// itself on a page of 50 orders.
    convenience init(output: any DatabaseOutput) throws {
        self.init()
        func get<T: Decodable>(_ key: String, _ type: T.Type = T.self) throws -> T { try output.decode(FieldKey(stringLiteral: key), as: T.self) }
        id = try get("id", UUID.self)
        number = try get("number")
        trackingCode = try get("tracking_code")
        channel = try get("channel")
        requestKind = try get("request_kind")
        categoryCode = try get("category_code")
        tier = try get("tier")
        priority = try get("priority")
        status = try get("status")
        handlingLevel = try get("handling_level")
        title = try get("title")
        description = try get("description")
        latitude = try get("latitude")
        longitude = try get("longitude")
        address = try get("address")
        divisionCode = try get("division_code")
        departmentID = try get("department_id")
        suggestedDepartmentID = try get("suggested_department_id")
        assigneeID = try get("assignee_id")
        requesterName = try get("requester_name")
        requesterPhoneCipher = try get("requester_phone_cipher")
        requesterPhoneIndex = try get("requester_phone_index")
        anonymous = try get("anonymous")
        parentID = try get("parent_id")
        supervisionLevel = try get("supervision_level")
        slaPolicyCode = try get("sla_policy_code")
        nextDueAt = try get("next_due_at")
        overdue = try get("overdue")
        state = try get("state")
        clocks = try get("clocks")
        version = try get("version")
        idempotencyKey = try get("idempotency_key")
        createdBy = try get("created_by")
        createdAt = try get("created_at")
        updatedAt = try get("updated_at")
        gridCode = try get("grid_code")
        gridVersion = try get("grid_version")
        categoryVersion = try get("category_version")
        overdueAfter = try get("overdue_after")
        _$idExists = true
    }
}

extension QueryBuilder where Model == WorkOrder {
    /// The matching orders, read with `WorkOrder(output:)`.
    func allOrders() async throws -> [WorkOrder] {
        let collected = NIOLockedValueBox<(rows: [WorkOrder], error: (any Error)?)>(([], nil))
        try await run { output in
            do {
                let row = try WorkOrder(output: output.qualifiedSchema(space: nil, WorkOrder.schema))
                collected.withLockedValue { $0.rows.append(row) }
            } catch {
                collected.withLockedValue { if $0.error == nil { $0.error = error } }
            }
        }
        let (rows, error) = collected.withLockedValue { $0 }
        if let error { throw error }
        return rows
    }
}
