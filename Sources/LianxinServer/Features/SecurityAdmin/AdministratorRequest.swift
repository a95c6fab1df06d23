import Fluent
import Foundation
import LianxinCore

/// A change to an administrator account (create, disable, change role) filed by the security administrator
/// and waiting for the second approval by an administrator of another role (三员分立). A new account's
/// password is kept only as its hash.
final class AdministratorRequest: Model, @unchecked Sendable {
    static let schema = "administrator_requests"

    enum Status: String, Codable, Sendable { case pending, approved, rejected }

    @ID(key: .id) var id: UUID?
    @Field(key: "change") var change: AdministratorSeparation.Change
    @Field(key: "target_username") var targetUsername: String
    @OptionalField(key: "target_user_id") var targetUserID: UUID?
    @OptionalField(key: "role") var role: Role?
    @OptionalField(key: "display_name") var displayName: String?
    @OptionalField(key: "division_code") var divisionCode: String?
    @OptionalField(key: "department_code") var departmentCode: String?
    @OptionalField(key: "password_hash") var passwordHash: String?
    @Field(key: "requested_by_id") var requestedByID: UUID
    @Field(key: "requested_by_name") var requestedByName: String
    @Field(key: "requested_by_role") var requestedByRole: Role
    @Field(key: "requested_at") var requestedAt: Date
    @Field(key: "status") var status: Status
    @OptionalField(key: "decided_by_name") var decidedByName: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?

    init() {}
}
