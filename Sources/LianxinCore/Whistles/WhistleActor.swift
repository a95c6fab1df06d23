/// Who takes a whistle step: a staff member with their role, and whether their department is one
/// the whistle summoned.
public struct WhistleActor: Sendable, Hashable {
    public var role: Role
    public var summoned: Bool

    public init(role: Role, summoned: Bool) {
        self.role = role
        self.summoned = summoned
    }
}
