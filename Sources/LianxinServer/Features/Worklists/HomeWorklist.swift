import Vapor
import Fluent
import FluentSQL
import LianxinCore

/// What each role's home page lists: the operator's intake today and orders awaiting a callback, the dispatcher's
/// queue and returns, a unit's todo, a grid member's visits and reports, the community's open orders, the
/// supervisor's overdue and supervised orders, the leader's figures. Overdue and due soon are `DueStatus`.
enum HomeWorklist {
    /// A key figure with the page that lists what it counts.
    struct Figure: Encodable, Sendable {
        let id: String
        let label: String
        let value: Int
        let href: String
        let alert: Bool
    }

    /// A work list: its count, where the whole list is, and its first items.
    struct Section: Encodable, Sendable {
        let id: String
        let title: String
        let count: Int
        let href: String
        let empty: String
        let orders: [OrderSummary]
        let households: [Household]
    }

    /// A household due a visit.
    struct Household: Encodable, Sendable {
        let id: String
        let address: String
        let dueOn: String
        let overdueDays: Int
    }

    /// A link to an administrator's page.
    struct Card: Encodable, Sendable {
        let href: String
        let title: String
        let text: String
    }

    static let shown = 8

    static func build(for principal: Principal, _ req: Request) async throws -> (figures: [Figure], sections: [Section]) {
        let role = principal.role
        guard role.can(.viewWorkOrders) else { return ([], []) }
        var lookup = try await WorkbenchLookup.load(req)
        let now = lookup.now
        let open = WorkOrderStatus.allCases.filter(\.isOpen).map(\.rawValue)
        func scoped() -> QueryBuilder<WorkOrder> { WorkOrderLookup.scoped(principal, on: req.db) }
        var lists: [(id: String, title: String, href: String, empty: String, count: Int, rows: [WorkOrder])] = []
        func list(_ id: String, href: String, _ query: QueryBuilder<WorkOrder>, sort: (QueryBuilder<WorkOrder>) -> QueryBuilder<WorkOrder>)
            async throws
        {
            let count = try await query.copy().count()
            let rows = try await sort(query).limit(shown).allOrders()
            lists.append((id, req.t("home_list_\(id)"), href, req.t("home_empty_\(id)"), count, rows))
        }
        let nearestFirst: (QueryBuilder<WorkOrder>) -> QueryBuilder<WorkOrder> = { $0.nearestDeadlineFirst() }
        let today = Self.startOfBeijingDay(now)
        switch role {
        case .operator:
            try await list(
                "intake_today", href: "/orders", scoped().filter(\.$createdBy == principal.userID).filter(\.$createdAt >= today),
                sort: { $0.sort(\.$createdAt, .descending) })
            try await list(
                "callbacks", href: "/orders?status=completed", scoped().filter(\.$status ~~ ["completed", "reviewed"]),
                sort: { $0.sort(\.$updatedAt) })
        case .dispatcher:
            try await list("queue", href: "/queue", scoped().filter(\.$status ~~ ["submitted", "received"]), sort: nearestFirst)
            try await list("returned", href: "/queue?status=returned", scoped().filter(\.$status == "returned"), sort: nearestFirst)
        case .departmentHandler, .departmentLead:
            let handling = ["dispatched", "reopened", "signed", "arrived", "inProgress"]
            // The orders the unit leads; those it assists on are listed apart (assist_todo).
            try await list(
                "unit_todo", href: "/my-orders", scoped().filter(\.$departmentID == principal.departmentID).filter(\.$status ~~ handling),
                sort: nearestFirst)
        case .gridMember, .communityStaff:
            try await list(
                "my_reports", href: "/my-orders", scoped().filter(\.$createdBy == principal.userID).filter(\.$status ~~ open),
                sort: nearestFirst)
            if role == .communityStaff {
                try await list("community_open", href: "/orders?open=true", scoped().filter(\.$status ~~ open), sort: nearestFirst)
            }
        case .supervisor:
            try await list("overdue", href: "/supervision#overdue", scoped().overdue(at: now).filter(\.$status ~~ open), sort: nearestFirst)
            try await list(
                "supervised", href: "/supervision#supervised", scoped().filter(\.$supervisionLevel > 0).filter(\.$status ~~ open),
                sort: nearestFirst)
        default:
            break
        }
        if role.requiresDepartment, let department = principal.departmentID {
            // 协办: the orders this unit assists on whose part is still open, overdue parts first.
            try await list(
                "assist_todo", href: "/my-orders", WorkOrder.query(on: req.db).filter(.sql(embed: AssistProjection.openFor(department))),
                sort: nearestFirst)
        }
        try await lookup.loadDivisions(of: lists.flatMap { $0.rows.map(\.divisionCode) }, on: req.db)
        var sections = try lists.map { item in
            Section(
                id: item.id, title: item.title, count: item.count, href: item.href, empty: item.empty,
                orders: try item.rows.map { try lookup.summary($0) }, households: [])
        }
        if role.can(.recordVisits) && role.can(.viewResidents) {
            sections.insert(try await visitsDue(req), at: 0)
        }
        return (try await figures(for: principal, now: now, today: today, req), sections)
    }

    /// The key figures of the role's scope, each linked to the list behind it.
    private static func figures(for principal: Principal, now: Date, today: Date, _ req: Request) async throws -> [Figure] {
        let open = WorkOrderStatus.allCases.filter(\.isOpen).map(\.rawValue)
        func scoped() -> QueryBuilder<WorkOrder> {
            let query = WorkOrderLookup.scoped(principal, on: req.db).filter(\.$status ~~ open)
            // A unit's figures are its own orders as lead; its assisting parts have their own figure (assist_overdue).
            return principal.role.requiresDepartment ? query.filter(\.$departmentID == principal.departmentID) : query
        }
        let watches = [.supervisor, .leader, .dispatcher].contains(principal.role)
        let overdue = try await scoped().overdue(at: now).count()
        let soon = try await scoped().dueSoon(at: now).count()
        let supervised = try await scoped().filter(\.$supervisionLevel > 0).count()
        var figures = [
            Figure(id: "overdue", label: req.t("home_fig_overdue"), value: overdue, href: "/orders?overdue=true&open=true", alert: true),
            Figure(
                id: "due_soon", label: req.t("home_fig_due_soon"), value: soon,
                href: watches ? "/supervision#warning" : "/orders?open=true", alert: false),
            Figure(
                id: "supervised", label: req.t("home_fig_supervised"), value: supervised,
                href: watches ? "/supervision#supervised" : "/orders?open=true", alert: false),
        ]
        if principal.role.requiresDepartment, let department = principal.departmentID {
            let late = try await AssistProjection.overdueCount(department: department, at: now, on: req.db)
            figures.insert(
                Figure(id: "assist_overdue", label: req.t("home_fig_assist_overdue"), value: late, href: "/#home-assist_todo", alert: true), at: 1)
        }
        if principal.role == .leader || principal.role == .supervisor {
            let openCount = try await scoped().count()
            let received = try await WorkOrderLookup.scoped(principal, on: req.db).filter(\.$createdAt >= today).count()
            figures.insert(Figure(id: "open", label: req.t("home_fig_open"), value: openCount, href: "/orders?open=true", alert: false), at: 0)
            figures.insert(
                Figure(id: "received_today", label: req.t("home_fig_received_today"), value: received, href: "/orders", alert: false), at: 0)
        }
        return figures
    }

    /// 今日应走访: the households whose visit is due by today, most urgent first.
    private static func visitsDue(_ req: Request) async throws -> Section {
        let due = try await VisitsController(maxUploadBytes: req.lianxin.settings.maxUploadBytes).due(req: req)
        return Section(
            id: "visits_due", title: req.t("home_list_visits_due"), count: due.count, href: "/my-visits", empty: req.t("home_empty_visits_due"),
            orders: [],
            households: due.prefix(shown).map {
                Household(id: $0.householdId.uuidString, address: $0.address, dueOn: $0.dueOn, overdueDays: $0.daysOverdue)
            })
    }

    /// The administrators' pages (the three administrator roles have no work orders), and one's own account.
    static func cards(for principal: Principal, _ req: Request) -> [Card] {
        var cards: [Card] = []
        let role = principal.role
        if role.can(.manageRules) { cards.append(Card(href: "/admin/rules", title: req.t("nav_rules"), text: req.t("home_card_rules"))) }
        if role.can(.manageAccounts) {
            cards.append(Card(href: "/admin/users", title: req.t("nav_users"), text: req.t("home_card_users")))
            cards.append(Card(href: "/security/accounts", title: req.t("nav_security"), text: req.t("home_card_security")))
        }
        if role.can(.approveAdministratorChanges) {
            cards.append(Card(href: "/security/requests", title: req.t("security_requests_title"), text: req.t("home_card_approvals")))
        }
        if role.can(.readAuditLog) { cards.append(Card(href: "/audit", title: req.t("nav_audit"), text: req.t("home_card_audit"))) }
        if !role.can(.viewWorkOrders) {
            cards.append(Card(href: "/divisions", title: req.t("nav_divisions"), text: req.t("home_card_divisions")))
        }
        cards.append(Card(href: "/account", title: req.t("nav_account"), text: req.t("home_card_account")))
        return cards
    }

    /// Midnight of `now`'s day in Beijing time.
    static func startOfBeijingDay(_ now: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = WorkCalendar.shanghai
        return calendar.startOfDay(for: now)
    }
}
