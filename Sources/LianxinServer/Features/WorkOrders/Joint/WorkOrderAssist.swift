import Fluent
import Foundation
import LianxinCore
import SQLKit

/// One assisting unit's part of a joint order (协办), as a row: a projection of the order's state kept in the same
/// transaction as its events, so the unit finds the order in its lists and its overdue parts can be counted.
final class WorkOrderAssist: Model, @unchecked Sendable {
    static let schema = "work_order_assists"

    @ID(key: .id) var id: UUID?
    @Field(key: "order_id") var orderID: UUID
    @Field(key: "department_id") var departmentID: UUID
    /// An `AssistStatus` raw value.
    @Field(key: "status") var status: String
    /// Whether the part still holds up the lead (not reported, released or waived).
    @Field(key: "open") var open: Bool
    @Field(key: "added_at") var addedAt: Date
    /// The sign deadline while unsigned, then nil.
    @OptionalField(key: "sign_due_at") var signDueAt: Date?
    /// The report deadline while the part is open, then nil.
    @OptionalField(key: "report_due_at") var reportDueAt: Date?
    /// Whether the part was signed and reported within their deadlines (nil while it is still open).
    @OptionalField(key: "signed_on_time") var signedOnTime: Bool?
    @OptionalField(key: "reported_on_time") var reportedOnTime: Bool?

    init() {}

    /// Whether an open part is past its sign or report deadline at `now`.
    func isOverdue(at now: Date) -> Bool {
        open && ((signDueAt.map { $0 < now } ?? false) || (reportDueAt.map { $0 < now } ?? false))
    }
}

enum AssistProjection {
    /// Rewrites the order's assisting parts from its state, in the caller's transaction.
    static func sync(
        orderID: UUID, state: WorkOrderState, policy: SLAPolicy, calendar: WorkCalendar, now: Date, on db: any Database
    ) async throws {
        guard !state.assists.isEmpty else { return }
        let rows = try await WorkOrderAssist.query(on: db).filter(\.$orderID == orderID).all()
        for part in state.assists {
            let row = rows.first { $0.departmentID == part.departmentID } ?? WorkOrderAssist()
            let clocks = AssistClocks.clocks(of: part, policy: policy, pauses: state.pauses, pausedSince: state.pausedSince)
            let sign = clocks.first { $0.stage == .sign }
            let report = clocks.first { $0.stage == .complete }
            row.orderID = orderID
            row.departmentID = part.departmentID
            row.status = part.status.rawValue
            row.open = part.status.isOpen
            row.addedAt = part.addedAt
            row.signDueAt = sign.flatMap { $0.isRunning ? $0.due(asOf: now, in: calendar) : nil }
            row.reportDueAt = report.flatMap { $0.isRunning ? $0.due(asOf: now, in: calendar) : nil }
            row.signedOnTime = sign.flatMap { $0.isRunning ? nil : $0.status(at: now, in: calendar) == .met }
            row.reportedOnTime = part.status == .reported ? report.map { $0.status(at: now, in: calendar) == .met } : nil
            try await row.save(on: db)
        }
    }

    /// The orders on which `departmentID`'s assisting part is still open, as an SQL condition on `work_orders.id`.
    static func openFor(_ departmentID: UUID) -> SQLQueryString {
        "\(ident: WorkOrder.schema).\(ident: "id") IN (SELECT \(ident: "order_id") FROM \(ident: WorkOrderAssist.schema) WHERE \(ident: "department_id") = \(bind: departmentID) AND \(ident: "open") = \(bind: true))"
    }

    /// How many of `department`'s assisting parts are open and past their sign or report deadline at `now`: the
    /// unit's 协办超时 figure.
    static func overdueCount(department: UUID, at now: Date, on db: any Database) async throws -> Int {
        try await WorkOrderAssist.query(on: db).filter(\.$departmentID == department).filter(\.$open == true)
            .group(.or) { $0.filter(\.$signDueAt < now).filter(\.$reportDueAt < now) }.count()
    }

    /// The orders `departmentID` assists on, as an SQL condition on `work_orders.id`.
    static func assistedBy(_ departmentID: UUID) -> SQLQueryString {
        "\(ident: WorkOrder.schema).\(ident: "id") IN (SELECT \(ident: "order_id") FROM \(ident: WorkOrderAssist.schema) WHERE \(ident: "department_id") = \(bind: departmentID))"
    }
}
