import Vapor
import Fluent
import LianxinCore

/// Staff accounts: the admin pages and the API, limited to the caller's subtree.
struct UsersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("admin", "users")
        pages.get(use: listPage)
        pages.get("new", use: newPage)
        pages.post(use: createFromForm)
        pages.get("import", use: importPage)
        pages.on(.POST, "import", body: .collect(maxSize: "4mb"), use: importFromPage)
        pages.get(":id", use: accountPage)
        pages.post(":id", "profile", use: updateProfile)
        pages.post(":id", "role", use: changeRoleFromPage)
        pages.post(":id", "division", use: moveFromPage)
        pages.post(":id", "password", use: resetPasswordFromPage)
        pages.post(":id", "unlock", use: unlockFromPage)
        pages.post(":id", "disable", use: disableFromPage)
        pages.post(":id", "enable", use: enableFromPage)
        let api = routes.grouped("api", "v1")
        api.get("me", use: me)
        api.get("users", use: list)
        api.get("users", ":id", use: show)
        api.post("users", use: create)
    }

    struct UserDTO: Content {
        var id: UUID
        var username: String
        var displayName: String
        var role: Role
        var divisionCode: String
        var departmentId: UUID?
        var active: Bool
        var locked: Bool
        var lastLoginAt: Date?

        init(_ user: User, now: Date) {
            id = user.id ?? UUID()
            username = user.username
            displayName = user.displayName
            role = user.role
            divisionCode = user.divisionCode
            departmentId = user.$department.id
            active = user.active
            locked = (user.lockedUntil ?? .distantPast) > now
            lastLoginAt = user.lastLoginAt
        }
    }

    func me(req: Request) async throws -> UserDTO {
        let principal = try req.requirePrincipal()
        guard let user = try await User.find(principal.userID, on: req.db) else { throw Problem.unauthorized }
        return UserDTO(user, now: req.lianxin.now())
    }

    func list(req: Request) async throws -> ListPage<UserDTO> {
        let principal = try await req.require(.manageAccounts)
        let pageRequest = try PageRequest(req)
        var query = AccountLookup.scoped(principal, on: req.db)
        if let role = req.query[String.self, at: "role"] {
            guard let role = Role(rawValue: role) else { throw Problem.invalid(field: "role", "unknown role / 角色无效") }
            query = query.filter(\.$role == role)
        }
        if let after = pageRequest.after?.first { query = query.filter(\.$username > after) }
        let rows = try await query.sort(\.$username).limit(pageRequest.limit + 1).all()
        let now = req.lianxin.now()
        return pageRequest.page(rows, key: { [$0.username] }, map: { UserDTO($0, now: now) })
    }

    func show(req: Request) async throws -> UserDTO {
        let principal = try await req.require(.manageAccounts)
        let user = try await AccountLookup.find(req.parameters.get("id"), for: principal, on: req)
        return UserDTO(user, now: req.lianxin.now())
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.manageAccounts)
        let input = try req.content.decode(AccountService.NewAccount.self)
        let user = try await AccountService(application: req.application, database: req.db)
            .create(input, by: principal, actor: principal.auditActor, ip: req.clientIP)
        let response = try await UserDTO(user, now: req.lianxin.now()).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/users/\(try user.requireID())")
        return response
    }
}
