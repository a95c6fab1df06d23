import Vapor
import Fluent
import LianxinCore

/// A grid's staff page, reached from its card: the accountable grid member (assign or replace), the helpers
/// (网格协管员, add or remove), the cluster (片区) it belongs to and the history of who served it. The pickers
/// list only the accounts that may serve this grid.
extension GridPagesController {
    struct StaffModel: Encodable, Sendable {
        let code: String
        let name: String
        let community: String
        let clusters: [String]
        let members: [StaffRow]
        let helpers: [StaffRow]
        let history: [StaffRow]
        let memberChoices: [SelectOption]
        let helperChoices: [SelectOption]
        let error: String?
        let notice: String?
    }

    struct StaffRow: Encodable, Sendable {
        let id: String
        let name: String
        let username: String
        let post: String
        let from: String
        let to: String
    }

    func staffPage(req: Request) async throws -> Response {
        let principal = try await req.require(.manageGridStaff)
        let grid = try await Self.grid(req, principal: principal)
        let notice = req.query[String.self, at: "done"].map { req.t("grid_staff_done_\($0)") }
        return try await renderStaff(req, principal: principal, grid: grid, error: nil, notice: notice)
    }

    func renderStaff(
        _ req: Request, principal: Principal, grid: Grid, error: String?, notice: String?, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let rows = try await GridStaffAssignment.query(on: req.db).filter(\.$gridCode == grid.code).sort(\.$validFrom, .descending).limit(200).all()
        let people = try await User.query(on: req.db).filter(\.$id ~~ Array(Set(rows.map(\.userID)))).all()
        func row(_ assignment: GridStaffAssignment) -> StaffRow {
            let user = people.first { $0.id == assignment.userID }
            return StaffRow(
                id: assignment.id?.uuidString ?? "", name: user?.displayName ?? "", username: user?.username ?? "",
                post: req.t("accounts_grid_\(assignment.role)"), from: ChinaTime.minute(assignment.validFrom),
                to: assignment.validTo.map(ChinaTime.minute) ?? "")
        }
        let current = rows.filter { $0.validTo == nil }
        let serving = Set(current.map(\.userID))
        func choices(_ role: String) async throws -> [SelectOption] {
            try await GridStaffService.candidates(for: grid, role: role, principal: principal, on: req.db).filter {
                !serving.contains($0.id ?? UUID())
            }
            .map { SelectOption(value: $0.id?.uuidString ?? "", label: "\($0.displayName)（\($0.username)）") }
        }
        let clusters = try await GridCluster.query(on: req.db).inScope(\.$divisionCode, principal).all()
            .filter { (try? JSONDecoder().decode([String].self, from: Data($0.gridCodes.utf8)).contains(grid.code)) ?? false }.map(\.name)
        let model = StaffModel(
            code: grid.code, name: grid.name, community: try await Division.find(grid.communityCode, on: req.db)?.name ?? grid.communityCode,
            clusters: clusters, members: current.filter { $0.role == "fullTime" }.map(row),
            helpers: current.filter { $0.role == "partTime" }.map(row),
            history: rows.filter { $0.validTo != nil }.prefix(50).map(row), memberChoices: try await choices("fullTime"),
            helperChoices: try await choices("partTime"), error: error, notice: notice)
        return try await req.page("grids/staff", title: "grid_staff_title", model: model, status: status)
    }
}
