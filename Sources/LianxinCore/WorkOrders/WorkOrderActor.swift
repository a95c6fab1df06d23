import Foundation

/// Who performs an action on an order: a staff member in a `Role`, the system itself, or a resident.
public struct WorkOrderActor: Sendable, Hashable, Codable {
    /// The kind of actor; coded as the role's raw value, `system` or `resident`.
    public enum Kind: Sendable, Hashable {
        case staff(Role)
        case system
        case resident
    }

    /// The user account; nil for the system and for an anonymous resident.
    public let id: UUID?
    public let kind: Kind
    /// The unit (department, community or township office) a staff member belongs to.
    public let departmentID: UUID?

    /// A staff member with account `id` in `role`, belonging to `departmentID` if any.
    public static func staff(_ role: Role, id: UUID, departmentID: UUID? = nil) -> WorkOrderActor {
        WorkOrderActor(id: id, kind: .staff(role), departmentID: departmentID)
    }

    /// Lianxin itself: scheduled jobs, follow-ups, SMS evaluations.
    public static let system = WorkOrderActor(id: nil, kind: .system, departmentID: nil)

    /// A resident, identified by account when they have one.
    public static func resident(id: UUID? = nil) -> WorkOrderActor {
        WorkOrderActor(id: id, kind: .resident, departmentID: nil)
    }

    /// The staff role, if a staff member.
    public var role: Role? {
        if case .staff(let role) = kind { return role }
        return nil
    }

    private init(id: UUID?, kind: Kind, departmentID: UUID?) {
        self.id = id
        self.kind = kind
        self.departmentID = departmentID
    }
}

extension WorkOrderActor.Kind: RawRepresentable, Codable {
    public init?(rawValue: String) {
        switch rawValue {
        case "system": self = .system
        case "resident": self = .resident
        default:
            guard let role = Role(rawValue: rawValue) else { return nil }
            self = .staff(role)
        }
    }

    public var rawValue: String {
        switch self {
        case .staff(let role): role.rawValue
        case .system: "system"
        case .resident: "resident"
        }
    }
}
