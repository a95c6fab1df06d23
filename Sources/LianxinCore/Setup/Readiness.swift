/// What still stands between a county's new deployment and its first dispatched order (上线检查):
/// each finding names the thing to fix (a category, a grid, a unit, a year), how serious it is, and,
/// for routing, the townships where it is missing. The server gathers the facts; the rules are here.
public enum Readiness {
    /// One thing to fix.
    public struct Finding: Sendable, Equatable {
        public let check: Check
        public let severity: Severity
        /// The code of what is wrong (category code, grid code, unit code, year, role); empty for a whole step.
        public let subject: String
        /// Its name as people know it (category name, grid name, unit name).
        public let subjectName: String
        /// Where it is missing: township names for routing, otherwise empty.
        public let places: [String]

        public init(check: Check, severity: Severity, subject: String = "", subjectName: String = "", places: [String] = []) {
            self.check = check
            self.severity = severity
            self.subject = subject
            self.subjectName = subjectName
            self.places = places
        }
    }

    /// The checks, in the order the setup walks them.
    public enum Check: String, Sendable, CaseIterable, Equatable {
        /// No township inside the county: the division step has not been done.
        case divisions
        /// No handling unit is active.
        case units
        /// No category is active.
        case catalogue
        /// A category resolves to no unit in some township.
        case routing
        /// A unit has no liaison (联络人) to call about an order.
        case liaison
        /// A unit has no handler account, so nobody can sign its orders.
        case unitHandler
        /// No account of a role the flow needs (受理, 派单).
        case accounts
        /// A grid in force has no full-time grid member.
        case gridMember
        /// No grid is drawn: positions cannot be placed in a community.
        case grids
        /// The working-day calendar of this or next year is missing.
        case calendar
    }

    public enum Severity: String, Sendable, Equatable, Comparable {
        /// Orders cannot be dispatched or handled correctly until it is fixed.
        case blocker
        /// Works, but something will go wrong later or for some orders.
        case warning

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .blocker && rhs == .warning }
    }

    /// A named thing: a township, a category, a grid.
    public struct Named: Sendable, Equatable {
        public let code: String
        public let name: String
        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    /// A unit as the check sees it.
    public struct Unit: Sendable, Equatable {
        public let code: String
        public let name: String
        public let liaisons: Int
        public let handlers: Int
        public init(code: String, name: String, liaisons: Int, handlers: Int) {
            self.code = code
            self.name = name
            self.liaisons = liaisons
            self.handlers = handlers
        }
    }

    /// The facts of one division subtree (usually the county).
    public struct Facts: Sendable {
        public var townships: [Named] = []
        /// Active categories orders can be filed in.
        public var categories: [Named] = []
        /// Whether a category routes to a unit for an order in a township (category code, township code).
        public var routes: @Sendable (String, String) -> Bool = { _, _ in false }
        public var units: [Unit] = []
        /// Grids in force with the number of full-time members assigned now.
        public var grids: [(grid: Named, members: Int)] = []
        /// Accounts per role (enabled ones).
        public var accounts: [Role: Int] = [:]
        /// Years the calendar has at least one holiday for.
        public var calendarYears: Set<Int> = []
        /// Today's Beijing year and month.
        public var year = 2026
        public var month = 1

        public init() {}
    }

    /// The month from which next year's holidays are expected (the State Council publishes them in
    /// October or November).
    public static let nextYearDueMonth = 11

    /// Roles without which no order moves: someone takes calls, someone dispatches.
    public static let requiredRoles: [Role] = [.operator, .dispatcher]

    /// Every finding, blockers first, then in the order of `Check`.
    public static func findings(_ facts: Facts) -> [Finding] {
        var found: [Finding] = []
        if facts.townships.isEmpty { found.append(Finding(check: .divisions, severity: .blocker)) }
        if facts.units.isEmpty { found.append(Finding(check: .units, severity: .blocker)) }
        if facts.categories.isEmpty { found.append(Finding(check: .catalogue, severity: .blocker)) }
        if !facts.units.isEmpty {
            for category in facts.categories {
                let missing = facts.townships.filter { !facts.routes(category.code, $0.code) }
                if !missing.isEmpty {
                    found.append(
                        Finding(
                            check: .routing, severity: .blocker, subject: category.code, subjectName: category.name,
                            places: missing.map(\.name)))
                }
            }
        }
        for unit in facts.units.sorted(by: { $0.code < $1.code }) {
            if unit.liaisons == 0 { found.append(Finding(check: .liaison, severity: .blocker, subject: unit.code, subjectName: unit.name)) }
            if unit.handlers == 0 {
                found.append(Finding(check: .unitHandler, severity: .warning, subject: unit.code, subjectName: unit.name))
            }
        }
        for role in requiredRoles where (facts.accounts[role] ?? 0) == 0 {
            found.append(Finding(check: .accounts, severity: .blocker, subject: role.rawValue))
        }
        if facts.grids.isEmpty && !facts.townships.isEmpty { found.append(Finding(check: .grids, severity: .warning)) }
        for (grid, members) in facts.grids.sorted(by: { $0.grid.code < $1.grid.code }) where members == 0 {
            found.append(Finding(check: .gridMember, severity: .blocker, subject: grid.code, subjectName: grid.name))
        }
        if !facts.calendarYears.contains(facts.year) {
            found.append(Finding(check: .calendar, severity: .blocker, subject: String(facts.year)))
        }
        if facts.month >= nextYearDueMonth && !facts.calendarYears.contains(facts.year + 1) {
            found.append(Finding(check: .calendar, severity: .warning, subject: String(facts.year + 1)))
        }
        let order = Dictionary(uniqueKeysWithValues: Check.allCases.enumerated().map { ($1, $0) })
        return found.enumerated().sorted { a, b in
            (a.element.severity, order[a.element.check]!, a.offset) < (b.element.severity, order[b.element.check]!, b.offset)
        }.map(\.element)
    }

    /// Whether nothing blocks dispatching.
    public static func isReady(_ findings: [Finding]) -> Bool { !findings.contains { $0.severity == .blocker } }
}
