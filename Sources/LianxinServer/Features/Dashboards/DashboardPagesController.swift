import Vapor
import Fluent
import LianxinCore

/// The 驾驶舱 (leader dashboard), the department and grid scorecards, the drill-down list and the assessment reports.
/// Every number links to the orders behind it.
struct DashboardPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("dashboard", use: dashboard)
        routes.get("dashboard", "departments", ":id", use: departmentScorecard)
        routes.get("dashboard", "grids", ":code", use: gridScorecard)
        routes.get("dashboard", "orders", use: drillDown)
        routes.get("dashboard", "reports", use: report)
        routes.get("dashboard", "reports.csv", use: reportCSV)
        routes.get("dashboard", "brief", use: brief)
        routes.get("dashboard", "brief.csv", use: briefCSV)
    }

    private static let queryAllowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~,"))

    /// The query string that selects the same cut.
    static func query(_ cut: RollupCut, extra: [(String, String)] = []) -> String {
        var pairs: [(String, String)] = [("period", cut.period.description)]
        if let division = cut.division { pairs.append(("division", division.value)) }
        if let grid = cut.grid { pairs.append(("grid", grid)) }
        if let ids = cut.departmentIDs, ids.count == 1 { pairs.append(("department", ids[0].uuidString)) }
        if let category = cut.categoryPrefix { pairs.append(("category", category)) }
        if let channels = cut.channels { pairs.append(("channel", channels.map(\.rawValue).joined(separator: ","))) }
        if let kinds = cut.requestKinds { pairs.append(("requestKind", kinds.map(\.rawValue).joined(separator: ","))) }
        return (pairs + extra).map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: queryAllowed) ?? $0.1)" }
            .joined(separator: "&")
    }

    static func drillHref(_ cut: RollupCut, measure: String) -> String {
        "/dashboard/orders?" + query(cut, extra: [(measure == "overdueOpen" ? "overdue" : "measure", measure == "overdueOpen" ? "true" : measure)])
    }

    func dashboard(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        let request = try await DashboardRequest.parse(req, principal: principal)
        return try await render(req, request: request, heading: "dash_title", template: "dashboards/cockpit")
    }

    func departmentScorecard(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        var request = try await DashboardRequest.parse(req, principal: principal)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let department = try await Department.find(id, on: req.db),
            request.cut.departmentIDs.map({ $0.contains(id) }) ?? true
        else {
            throw await req.outOfScope("department", target: "department:\(req.parameters.get("id") ?? "")")
        }
        request.cut.departmentIDs = [id]
        return try await render(req, request: request, heading: department.name, template: "dashboards/scorecard")
    }

    func gridScorecard(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        var request = try await DashboardRequest.parse(req, principal: principal)
        let code = req.parameters.get("code") ?? ""
        guard let grid = try await Grid.query(on: req.db).filter(\.$code == code).filter(\.$validTo == nil).first(),
            principal.canSee(divisionCode: grid.communityCode), let community = DivisionCode(grid.communityCode)
        else {
            throw await req.outOfScope("grid", target: "grid:\(code)")
        }
        request.cut.grid = code
        request.cut.division = community
        request.division = community
        let staff = try await GridStaffAssignment.query(on: req.db).filter(\.$gridCode == code).filter(\.$validTo == nil).all()
        let names = try await User.query(on: req.db).filter(\.$id ~~ staff.map(\.userID)).all().map(\.displayName)
        let heading = ([grid.name] + names).joined(separator: " · ")
        return try await render(req, request: request, heading: heading, template: "dashboards/scorecard")
    }
}
