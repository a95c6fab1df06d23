import Vapor
import Fluent
import LianxinCore

/// 一网一员: who serves which grid. Each grid has one accountable full-time grid member in force
/// (a second is refused with 409, and a unique index backs the rule), plus part-time helpers.
struct GridStaffController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.grouped("api", "v1", "grid-staff")
        staff.get(use: list)
        staff.post(use: assign)
        staff.post(":id", "end", use: end)
    }

    /// Assignments in force on grids of the caller's division (`grid` narrows to one grid).
    func list(req: Request) async throws -> [GridStaffDTO] {
        let principal = try await req.require(.viewResidents)
        let grid = req.query[String.self, at: "grid"].flatMap { $0.isEmpty ? nil : $0 }
        let codes = try await GridQueries.gridsInForce(within: principal.division, code: grid, on: req.db).map(\.code)
        let rows = try await GridStaffAssignment.query(on: req.db).filter(\.$gridCode ~~ codes).filter(\.$validTo == nil)
            .sort(\.$gridCode).sort(\.$role).sort(\.$validFrom).all()
        return try await Self.dtos(rows, on: req.db)
    }

    struct AssignInput: Content {
        var gridCode: String
        var username: String?
        var userId: UUID?
        var role: String
    }

    /// Assigns an account to a grid from now on.
    func assign(req: Request) async throws -> Response {
        let principal = try await req.require(.manageGridStaff)
        let input = try req.content.decode(AssignInput.self)
        guard ["fullTime", "partTime"].contains(input.role) else {
            throw Problem.invalid(field: "/role", "choose full-time or part-time / 请选择专职或兼职")
        }
        guard let grid = try await Grid.query(on: req.db).filter(\.$code == input.gridCode).filter(\.$validTo == nil).first(),
            principal.canSee(divisionCode: grid.communityCode)
        else { throw Problem.notFound("grid") }
        var users = User.query(on: req.db).filter(\.$active == true)
        if let id = input.userId {
            users = users.filter(\.$id == id)
        } else if let name = input.username {
            users = users.filter(\.$username == name)
        } else {
            throw Problem.invalid(field: "/username", "give the account's username or userId / 请提供账号")
        }
        guard let user = try await users.first(), principal.canSee(divisionCode: user.divisionCode) else {
            throw Problem.notFound("user")
        }
        guard let division = DivisionCode(user.divisionCode), let community = DivisionCode(grid.communityCode), division.contains(community) else {
            throw Problem.invalid(
                field: "/gridCode", "the account's division \(user.divisionCode) does not cover grid \(grid.code) / 该账号所属区划不包含网格 \(grid.code)")
        }
        if input.role == "fullTime", user.role != .gridMember {
            throw Problem.invalid(field: "/role", "a full-time grid member must be a gridMember account / 专职网格员须为网格员账号")
        }
        let assignment = try await GridStaffService(application: req.application, database: req.db).assign(
            user, to: grid, role: input.role, replace: false, actor: principal.auditActor, ip: req.clientIP, requestID: req.id)
        return try await Self.dtos([assignment], on: req.db)[0].encodeResponse(status: .created, for: req)
    }

    /// Ends an assignment now (history is kept).
    func end(req: Request) async throws -> GridStaffDTO {
        let principal = try await req.require(.manageGridStaff)
        guard let raw = req.parameters.get("id"), let id = UUID(uuidString: raw),
            let assignment = try await GridStaffAssignment.find(id, on: req.db), assignment.validTo == nil,
            let grid = try await Grid.query(on: req.db).filter(\.$code == assignment.gridCode).sort(\.$version, .descending).first(),
            principal.canSee(divisionCode: grid.communityCode)
        else { throw Problem.notFound("grid staff assignment") }
        let service = GridStaffService(application: req.application, database: req.db)
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await service.end(assignment, grid: grid, actor: principal.auditActor, ip: req.clientIP, requestID: req.id, on: db)
            }
        }
        return try await Self.dtos([assignment], on: req.db)[0]
    }

    static func dtos(_ rows: [GridStaffAssignment], on db: any Database) async throws -> [GridStaffDTO] {
        let users = try await User.query(on: db).filter(\.$id ~~ Array(Set(rows.map(\.userID)))).all()
        let byID = Dictionary(users.compactMap { user in user.id.map { ($0, user) } }, uniquingKeysWith: { first, _ in first })
        return try rows.map {
            GridStaffDTO(
                id: try $0.requireID(), gridCode: $0.gridCode, userId: $0.userID, username: byID[$0.userID]?.username ?? "",
                displayName: byID[$0.userID]?.displayName ?? "", role: $0.role, validFrom: $0.validFrom, validTo: $0.validTo)
        }
    }
}
