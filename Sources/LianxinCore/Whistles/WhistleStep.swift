/// A step of the 吹哨报到 lifecycle.
public enum WhistleStep: String, Sendable, Hashable, CaseIterable {
    /// A township or community summons departments.
    case blow
    /// 报到: a summoned department is on site.
    case report
    /// A summoned department records its part of the work.
    case recordWork
    /// 一哨一评: the blower (or, relayed by staff, the requester) marks a department.
    case evaluate
    /// The blower closes the whistle with the result.
    case close
}
