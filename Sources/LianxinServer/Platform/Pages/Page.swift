import Vapor
import LianxinCore

/// A link in the navigation bar.
struct NavLink: Encodable, Sendable {
    let href: String
    let label: String
    let current: Bool
}

/// The signed-in user as the page header shows them.
struct UserBadge: Encodable, Sendable {
    let username: String
    let displayName: String
    let role: String
    let roleLabel: String
    let division: String
}

/// What every page is rendered with: texts, language, user, navigation, CSRF token, and the page's own model.
struct Page<Model: Encodable & Sendable>: Encodable, Sendable {
    let t: [String: String]
    let lang: String
    let switchLang: String
    let switchLangLabel: String
    let title: String
    let user: UserBadge?
    let nav: [NavLink]
    let csrf: String
    let path: String
    /// Where the language switch comes back to: this page with its query (the division and period chosen), encoded.
    let back: String
    /// A form sent back with its problems (`FormEcho`), empty otherwise.
    let form: FormEcho
    let model: Model
}

/// An empty page model.
struct NoModel: Encodable, Sendable {}

extension Request {
    /// Renders `template` inside the layout with `model`.
    func page<Model: Encodable & Sendable>(
        _ template: String, title key: String, model: Model,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let language = self.language
        let texts = lianxin.localizer.table(language)
        let badge = try await principal.asyncMap { principal in
            let division = try await Division.find(principal.division.value, on: db)
            return UserBadge(
                username: principal.username, displayName: principal.displayName, role: principal.role.rawValue,
                roleLabel: texts["role_\(principal.role.rawValue)"] ?? principal.role.rawValue,
                division: division?.name ?? principal.division.value)
        }
        let other: Localizer.Language = language == .zhCN ? .en : .zhCN
        let page = Page(
            t: texts, lang: language.rawValue, switchLang: other.rawValue,
            switchLangLabel: other == .en ? "English" : "中文",
            title: texts[key] ?? key, user: badge, nav: navigation(texts), csrf: CSRFMiddleware.token(for: self),
            path: url.path, back: languageSwitchBack, form: formEcho, model: model)
        let view = try await self.view.render(template, page)
        let response = try await view.encodeResponse(status: status, for: self)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// The path and, for a page read with GET, its query, percent-encoded for the `back` parameter.
    private var languageSwitchBack: String {
        var target = url.path
        if method == .GET, let query = url.query, !query.isEmpty { target += "?" + query }
        return target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? url.path
    }

    private func navigation(_ texts: [String: String]) -> [NavLink] {
        guard let principal else { return [] }
        var items: [(String, String)] = [("/", "nav_home"), ("/inbox", "nav_messages")]
        let role = principal.role
        if [.operator, .dispatcher, .gridMember, .communityStaff].contains(role) { items.append(("/desk", "nav_desk")) }
        if [.operator, .dispatcher].contains(role) { items.append(("/queue", "nav_queue")) }
        if [.departmentHandler, .departmentLead, .gridMember, .communityStaff].contains(role) { items.append(("/my-orders", "nav_inbox")) }
        if role.can(.viewWorkOrders) { items.append(("/orders", "nav_orders")) }
        if role.can(.viewWorkOrders) { items.append(("/dashboard", "nav_dashboard")) }
        if [.supervisor, .leader, .dispatcher].contains(role) { items.append(("/supervision", "nav_supervision")) }
        if role.can(.viewKnowledge) { items.append(("/knowledge", "nav_knowledge")) }
        if role.can(.blowWhistle) || role.requiresDepartment { items.append(("/whistles", "nav_whistles")) }
        if role.can(.recordVisits) { items.append(("/my-visits", "nav_visits")) }
        if [.departmentHandler, .departmentLead, .gridMember, .communityStaff].contains(role) { items.append(("/field/app", "nav_field")) }
        if role.can(.viewWorkOrders) { items.append(("/grid-map", "nav_grid_map")) }
        if role.can(.viewAssets) { items.append(("/assets", "nav_assets")) }
        items.append(("/divisions", "nav_divisions"))
        if role.can(.manageRules) { items.append(("/admin/rules", "nav_rules")) }
        if role.can(.manageRules) { items.append(("/admin/units", "nav_units")) }
        if role.can(.manageRules) { items.append(("/admin/catalogue", "nav_catalogue")) }
        if role.can(.manageRules) { items.append(("/admin/readiness", "nav_readiness")) }
        if role.can(.manageRules) { items.append(("/admin/notifications", "notify_nav_rules")) }
        if role.can(.manageRules) { items.append(("/admin/escalation", "nav_escalation")) }
        if role.can(.readRequesterMarks) { items.append(("/requester-marks", "nav_requester_marks")) }
        if role.can(.viewTopics) { items.append(("/topics", "nav_topics")) }
        if RevisitsController.roles.contains(role) { items.append(("/revisits", "notify_nav_revisits")) }
        if principal.role.can(.viewHotspots) { items.append(("/hotspots", "nav_hotspots")) }
        if principal.role.can(.viewCommunityServices) { items.append(("/community", "cs_nav")) }
        if principal.role.can(.viewMedicalInsurance) { items.append(("/medical-insurance", "mi_nav")) }
        if principal.role.can(.doStationWork) { items.append(("/medical-insurance/stations", "mi_nav_stations")) }
        if principal.role.can(.viewTalent) { items.append(("/talent", "talent_nav")) }
        if principal.role.can(.viewPartyBuilding) { items.append(("/party", "party_nav")) }
        if principal.role.can(.viewNewEmployment) { items.append(("/new-employment", "ne_nav")) }
        if principal.role.can(.viewCanteens) { items.append(("/canteens", "nav_canteens")) }
        if principal.role.can(.viewFarmAid) { items.append(("/farm-aid", "nav_farm_aid")) }
        if principal.role.can(.viewConductFigures) { items.append(("/oversight/reports", "ov_nav_reports")) }
        if principal.role.can(.viewHandovers) { items.append(("/oversight/handovers", "ov_nav_handovers")) }
        if principal.role.can(.viewSupervisedProjects) { items.append(("/oversight/projects", "ov_nav_projects")) }
        if principal.role.can(.viewLeaderDuty) { items.append(("/leader-duty", "nav_leader_duty")) }
        if principal.role.can(.viewLeaderDuty) { items.append(("/three-highs", "nav_three_highs")) }
        if principal.role.can(.viewEngagement) || principal.role.can(.handleDisputes) { items.append(("/engagement", "nav_engagement")) }
        if principal.role.can(.manageAccounts) { items.append(("/admin/users", "nav_users")) }
        if principal.role.can(.manageAccounts) { items.append(("/security/accounts", "nav_security")) }
        if principal.role.can(.approveAdministratorChanges) { items.append(("/security/requests", "security_requests_title")) }
        if principal.role.can(.readAuditLog) { items.append(("/audit", "nav_audit")) }
        items.append(("/account", "nav_account"))
        let path = url.path
        // The longest link the path starts with is the current one (/medical-insurance/stations, not /medical-insurance too).
        let best = items.map(\.0).filter { $0 != "/" && path.hasPrefix($0) }.max { $0.count < $1.count }
        return items.map { href, key in
            NavLink(
                href: href, label: texts[key] ?? key,
                current: href == "/" ? path == "/" : href == best)
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

/// The error page browsers see instead of problem JSON.
enum ErrorPage {
    struct Model: Encodable, Sendable {
        let status: Int
        let detail: String
        let errors: [Problem.FieldError]
    }

    static func render(_ problem: Problem, on request: Request) async throws -> Response {
        try await request.page(
            "error", title: "error_title",
            model: Model(
                status: Int(problem.status.code), detail: request.language.pick(problem.detail),
                errors: problem.errors.map { .init(field: $0.field, message: request.language.pick($0.message)) }),
            status: problem.status)
    }
}
