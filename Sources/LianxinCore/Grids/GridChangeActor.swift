/// Who takes a grid-change step: a staff member (with the role and whether their account sits at
/// county level or above), or the system applying approved changes on their day.
public enum GridChangeActor: Sendable, Hashable {
    case staff(Role, countyLevel: Bool)
    case system
}
