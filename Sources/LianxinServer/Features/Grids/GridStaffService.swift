import Vapor
import Fluent
import LianxinCore

/// 一网一员: assigning accounts to a grid and ending assignments, for the API and the grid's staff page.
/// One accountable full-time member in force per grid (a unique index backs the rule); part-time helpers
/// (网格协管员) besides; an assignment is ended, never deleted, so the history stays.
struct GridStaffService {
    let application: Application
    let database: any Database

    /// Whether `user` may serve `grid` in `role` (fullTime or partTime): active, in the principal's scope, their
    /// division covering the grid's community, a grid member account for the full-time post, no administrator.
    static func mayServe(_ user: User, grid: Grid, role: String, principal: Principal) -> Bool {
        guard user.active, !user.role.isAdministrator, principal.canSee(divisionCode: user.divisionCode),
            let division = DivisionCode(user.divisionCode), let community = DivisionCode(grid.communityCode), division.contains(community)
        else { return false }
        return role == "partTime" || user.role == .gridMember
    }

    /// The accounts the principal may assign to `grid` in `role`, by name.
    static func candidates(for grid: Grid, role: String, principal: Principal, on db: any Database) async throws -> [User] {
        try await User.query(on: db).within(\.$divisionCode, principal.division).filter(\.$active == true).sort(\.$displayName).limit(2000)
            .all().filter { mayServe($0, grid: grid, role: role, principal: principal) }
    }

    /// Assigns `user` from now on; with `replace`, the full-time member in force is ended in the same transaction.
    func assign(
        _ user: User, to grid: Grid, role: String, replace: Bool, actor: AuditActor, ip: String?, requestID: String?
    ) async throws -> GridStaffAssignment {
        let texts = InputValidator(application.lianxin.localizer)
        let userID = try user.requireID()
        let now = application.lianxin.now()
        let fullTimeTaken = Problem.conflict(texts.message("grid_staff_taken", ["grid": grid.name]), field: "/role")
        do {
            return try await application.lianxin.writes.run {
                try await database.transaction { db -> GridStaffAssignment in
                    let current = try await GridStaffAssignment.query(on: db).filter(\.$gridCode == grid.code).filter(\.$validTo == nil).all()
                    if current.contains(where: { $0.userID == userID }) {
                        throw Problem.conflict(texts.message("grid_staff_already", ["name": user.displayName]), field: "/userId")
                    }
                    if role == "fullTime", let member = current.first(where: { $0.role == "fullTime" }) {
                        guard replace else { throw fullTimeTaken }
                        try await end(member, grid: grid, actor: actor, ip: ip, requestID: requestID, on: db)
                    }
                    let assignment = GridStaffAssignment()
                    assignment.gridCode = grid.code
                    assignment.userID = userID
                    assignment.role = role
                    assignment.validFrom = now
                    try await assignment.create(on: db)
                    try await AuditLog.record(
                        .gridStaffAssigned, result: .success, actor: actor, target: "grid:\(grid.code)", ip: ip, requestID: requestID,
                        detail: "\(user.username) \(role)", at: now, on: db)
                    return assignment
                }
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw fullTimeTaken
        }
    }

    /// Ends an assignment now (the row stays as history), audited.
    func end(_ assignment: GridStaffAssignment, grid: Grid, actor: AuditActor, ip: String?, requestID: String?, on db: any Database) async throws {
        let now = application.lianxin.now()
        assignment.validTo = now
        try await assignment.update(on: db)
        try await AuditLog.record(
            .gridStaffEnded, result: .success, actor: actor, target: "grid:\(grid.code)", ip: ip, requestID: requestID,
            detail: "assignment \(try assignment.requireID()) \(assignment.role)", at: now, on: db)
    }
}
