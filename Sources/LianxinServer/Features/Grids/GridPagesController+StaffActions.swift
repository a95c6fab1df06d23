import Vapor
import Fluent
import LianxinCore

/// The forms of a grid's staff page (`manageGridStaff`, the grid and the account in scope, else 404).
extension GridPagesController {
    struct StaffForm: Content {
        var userId: String?
        var role: String?
    }

    /// Assigns the chosen account: as the grid member (replacing the one in force) or as a helper.
    func assignStaff(req: Request) async throws -> Response {
        let principal = try await req.require(.manageGridStaff)
        let grid = try await Self.grid(req, principal: principal)
        let form = try req.content.decode(StaffForm.self)
        let role = form.role == "fullTime" ? "fullTime" : "partTime"
        guard let id = form.userId.flatMap(UUID.init(uuidString:)), let user = try await User.find(id, on: req.db) else {
            return try await renderStaff(
                req, principal: principal, grid: grid, error: req.t("grid_staff_choose"), notice: nil, status: .unprocessableEntity)
        }
        guard principal.canSee(divisionCode: user.divisionCode) else { throw await req.outOfScope("user", target: "user:\(user.username)") }
        guard GridStaffService.mayServe(user, grid: grid, role: role, principal: principal) else {
            return try await renderStaff(
                req, principal: principal, grid: grid, error: req.t("grid_staff_not_eligible"), notice: nil, status: .unprocessableEntity)
        }
        do {
            _ = try await GridStaffService(application: req.application, database: req.db).assign(
                user, to: grid, role: role, replace: role == "fullTime", actor: principal.auditActor, ip: req.clientIP, requestID: req.id)
        } catch let problem as Problem where problem.status == .conflict {
            return try await renderStaff(req, principal: principal, grid: grid, error: problem.detail(req.language), notice: nil, status: .conflict)
        }
        return req.redirect(to: "/grid-map/\(grid.code)/staff?done=\(role)")
    }

    /// Ends an assignment of this grid (the helper or member leaves; the row stays in the history).
    func endStaff(req: Request) async throws -> Response {
        let principal = try await req.require(.manageGridStaff)
        let grid = try await Self.grid(req, principal: principal)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let assignment = try await GridStaffAssignment.find(id, on: req.db),
            assignment.gridCode == grid.code, assignment.validTo == nil
        else { throw Problem.notFound("grid staff assignment") }
        let service = GridStaffService(application: req.application, database: req.db)
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await service.end(assignment, grid: grid, actor: principal.auditActor, ip: req.clientIP, requestID: req.id, on: db)
            }
        }
        return req.redirect(to: "/grid-map/\(grid.code)/staff?done=ended")
    }
}
