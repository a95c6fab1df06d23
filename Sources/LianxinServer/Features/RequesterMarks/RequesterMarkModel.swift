import Fluent
import Foundation
import LianxinCore

/// A mark on a requester's phone number (来电人标记). It holds the number's blind index only: the number itself
/// stays sealed on the order the mark was proposed from, which the pages unseal to show it masked.
final class RequesterMark: Model, @unchecked Sendable {
    static let schema = "requester_marks"

    @ID(key: .id) var id: UUID?
    @Field(key: "phone_index") var phoneIndex: String
    @Field(key: "order_id") var orderID: UUID
    @Field(key: "order_number") var orderNumber: String
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "kind") var kind: String
    @Field(key: "reason") var reason: String
    @Field(key: "days") var days: Int
    @Field(key: "status") var status: String
    @Field(key: "proposed_by") var proposedBy: UUID
    @Field(key: "proposed_by_name") var proposedByName: String
    @Field(key: "proposed_at") var proposedAt: Date
    @OptionalField(key: "decided_by_name") var decidedByName: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decision_note") var decisionNote: String?
    /// Set on approval: the decision's time plus `days`.
    @OptionalField(key: "expires_at") var expiresAt: Date?

    init() {}

    var markKind: RequesterMarkKind { RequesterMarkKind(rawValue: kind) ?? .frequent }
    var markStatus: RequesterMarkStatus { RequesterMarkStatus(rawValue: status) ?? .proposed }

    /// Whether the mark is in force at `now`.
    func inForce(at now: Date) -> Bool {
        guard let expiresAt else { return false }
        return RequesterMarkRules.inForce(status: markStatus, expiresAt: expiresAt, at: now)
    }
}
