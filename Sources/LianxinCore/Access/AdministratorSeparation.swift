/// 三员分立 (GB/T 22239-2019 level 3, 8.1.4.2): the system administrator, the security administrator and
/// the auditor are separate roles, and none of them can create, re-role or disable an administrator
/// account alone. Such a change is filed by the security administrator (who manages accounts) and takes
/// effect only when an administrator of another role (the system administrator) approves it. Resetting an
/// administrator's password or second factor is filed the same way, since whoever sets both can sign in as
/// that administrator. The command line on the server (`lianxin user …`), audited, remains for the first accounts.
public enum AdministratorSeparation {
    /// The kinds of account change that may need a second approval.
    public enum Change: String, Sendable, Codable, CaseIterable {
        case create, disable, changeRole, resetPassword, resetSecondFactor, enable, changeDivision
    }

    /// Whether a change touching an account of `currentRole` (nil when creating) that leaves it with
    /// `newRole` needs the second approval: it does when either role is an administrator role.
    public static func needsApproval(currentRole: Role?, newRole: Role?) -> Bool {
        (currentRole?.isAdministrator ?? false) || (newRole?.isAdministrator ?? false)
    }

    /// Whether `approver` may approve a change filed by `requester`: a different administrator role
    /// holding the approval permission, and a different person.
    public static func mayApprove(approver: Role, approverID: String, requester: Role, requesterID: String) -> Bool {
        approver.can(.approveAdministratorChanges) && approver != requester && approverID != requesterID
    }
}

/// The password history rule (定期更换且不得重复): a new password may not be any of the last `depth`
/// passwords, the current one included.
public struct PasswordHistory: Sendable, Equatable {
    public static let depth = 5

    /// The hashes of earlier passwords, newest first (at most `depth - 1`; the current hash is kept apart).
    public private(set) var previous: [String]

    public init(previous: [String]) { self.previous = Array(previous.prefix(Self.depth - 1)) }

    /// Parses the stored form (one hash a line).
    public init(stored: String?) {
        self.init(previous: (stored ?? "").split(separator: "\n").map(String.init).filter { !$0.isEmpty })
    }

    /// The stored form.
    public var stored: String { previous.joined(separator: "\n") }

    /// The hashes a new password is checked against: the current one and the earlier ones.
    public func hashesToCheck(current: String) -> [String] { [current] + previous }

    /// The history after the password with hash `current` is replaced.
    public func replacing(current: String) -> PasswordHistory { PasswordHistory(previous: [current] + previous) }
}
