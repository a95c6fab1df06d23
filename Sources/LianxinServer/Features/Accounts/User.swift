import Fluent
import Foundation
import LianxinCore

/// A staff account. It belongs to a division (and, for handlers, a department) and sees only that subtree.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: Role
    @Field(key: "division_code") var divisionCode: String
    @OptionalParent(key: "department_id") var department: Department?
    @Field(key: "active") var active: Bool
    @Field(key: "failed_logins") var failedLogins: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @Field(key: "password_changed_at") var passwordChangedAt: Date
    @OptionalField(key: "last_login_at") var lastLoginAt: Date?
    /// The TOTP secret (second factor of administrator roles), encrypted with the field key.
    @OptionalField(key: "totp_secret_cipher") var totpSecretCipher: Data?
    /// The last TOTP time step accepted, so that a code works once.
    @OptionalField(key: "totp_last_step") var totpLastStep: Int?
    /// Set when an administrator chose the password (a new account, a reset): the owner must change it first.
    @Field(key: "must_change_password") var mustChangePassword: Bool
    /// Hashes of the earlier passwords, newest first (`PasswordHistory`), so that none is used again.
    @OptionalField(key: "previous_password_hashes") var previousPasswordHashes: String?
    /// The contact phone, sealed for `EncryptedColumn.userPhone` (bound to this row); masked when shown.
    @OptionalField(key: "phone_cipher") var phoneCipher: Data?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(
        username: String, displayName: String, passwordHash: String, role: Role,
        divisionCode: String, departmentID: UUID?, now: Date
    ) {
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.divisionCode = divisionCode
        self.$department.id = departmentID
        self.active = true
        self.failedLogins = 0
        self.passwordChangedAt = now
        self.mustChangePassword = false
    }
}
