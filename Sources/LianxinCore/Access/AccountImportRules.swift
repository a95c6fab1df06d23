import Foundation

/// The rules of one row of an account import (`lianxin import users`) that need no database: one role,
/// never an administrator role (those are made one at a time with a second approval, 三员分立), a unit
/// for handlers, a grid only for grid members.
public enum AccountImportRules {
    /// What is wrong with a row's role, unit or grid.
    public enum Issue: String, Sendable, Equatable, CaseIterable {
        case roleMissing, roleUnknown, roleMoreThanOne, roleAdministrator, unitRequired, gridOnlyForGridMembers
    }

    /// Reads the role column: one role, by its identifier or any of its names (`names`, e.g. 网格员 → gridMember).
    public static func role(_ text: String, names: [String: Role]) -> Result<Role, IssueError> {
        let parts = text.split(whereSeparator: { ";；,，、|".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard let first = parts.first else { return .failure(IssueError(.roleMissing)) }
        guard parts.count == 1 else { return .failure(IssueError(.roleMoreThanOne)) }
        guard let role = Role(rawValue: first) ?? names[first] else { return .failure(IssueError(.roleUnknown)) }
        return .success(role)
    }

    /// Checks a role against the row's unit and grid.
    public static func check(role: Role, hasUnit: Bool, hasGrid: Bool) -> [Issue] {
        var issues: [Issue] = []
        if role.isAdministrator { issues.append(.roleAdministrator) }
        if role.requiresDepartment, !hasUnit { issues.append(.unitRequired) }
        if hasGrid, role != .gridMember { issues.append(.gridOnlyForGridMembers) }
        return issues
    }

    /// An `Issue` as an `Error`, for `Result`.
    public struct IssueError: Error, Sendable, Equatable {
        public let issue: Issue
        public init(_ issue: Issue) { self.issue = issue }
    }
}
