import Vapor
import Fluent
import LianxinCore

/// The forms of an account's page. Only the security administrator (`manageAccounts`) acts, on accounts of
/// their subtree (others 404), never on their own (409); a change to an administrator account's role,
/// division, password or state is filed for the second approval instead (三员分立).
extension UsersController {
    struct ProfileForm: Content {
        var displayName: String?
        var phone: String?
        var clearPhone: String?
    }

    struct RoleChoice: Content { var role: String? }

    struct DivisionChoice: Content {
        var divisionCode: String?
        var departmentCode: String?
    }

    func accountTarget(_ req: Request) async throws -> (Principal, User) {
        let principal = try await req.require(.manageAccounts)
        let user = try await AccountLookup.find(req.parameters.get("id"), for: principal, on: req)
        guard user.id != principal.userID else { throw Problem.conflict(InputValidator(req).message("security_not_yourself")) }
        return (principal, user)
    }

    func done(_ user: User, _ what: String) -> String { "/admin/users/\(user.id?.uuidString ?? "")?done=\(what)" }

    func updateProfile(req: Request) async throws -> Response {
        let (principal, user) = try await accountTarget(req)
        let form = try req.content.decode(ProfileForm.self)
        let service = AccountService(application: req.application, database: req.db)
        var checks = InputValidator(req)
        let phoneText = form.phone ?? ""
        let checked = service.checkProfile(displayName: form.displayName ?? "", phone: phoneText, into: &checks)
        guard checks.isValid else {
            return try await renderAccount(
                req, principal: principal, user: user, values: ["displayName": form.displayName ?? "", "phone": phoneText],
                errors: Problem.invalid(checks.errors).fieldMessages(req.language), status: .unprocessableEntity)
        }
        let clear = form.clearPhone == "on" || form.clearPhone == "true"
        try await service.updateProfile(
            of: user, name: checked.name, phone: clear ? nil : checked.phone, keepPhone: !clear && checked.phone == nil,
            actor: principal.auditActor, ip: req.clientIP)
        return req.redirect(to: done(user, "profile"))
    }

    func changeRoleFromPage(req: Request) async throws -> Response {
        let (principal, user) = try await accountTarget(req)
        let text = try req.content.decode(RoleChoice.self).role ?? ""
        guard let role = Role(rawValue: text) else {
            return try await renderAccount(
                req, principal: principal, user: user, values: ["role": text], errors: ["role": req.t("accounts_role_choose")],
                status: .unprocessableEntity)
        }
        guard role != user.role else { return req.redirect(to: done(user, "unchanged")) }
        if AdministratorSeparation.needsApproval(currentRole: user.role, newRole: role) {
            _ = try await AdministratorRequests(application: req.application, database: req.db)
                .fileChange(.changeRole, of: user, role: role, by: principal, ip: req.clientIP)
            return req.redirect(to: "/security/requests?filed=\(user.username)")
        }
        do {
            try await AccountService(application: req.application, database: req.db)
                .changeRole(of: user, to: role, actor: principal.auditActor, ip: req.clientIP)
        } catch let problem as Problem where problem.status == .unprocessableEntity {
            return try await renderAccount(
                req, principal: principal, user: user, values: ["role": text], errors: problem.fieldMessages(req.language),
                status: .unprocessableEntity)
        }
        return req.redirect(to: done(user, "role"))
    }

    func moveFromPage(req: Request) async throws -> Response {
        let (principal, user) = try await accountTarget(req)
        let form = try req.content.decode(DivisionChoice.self)
        let values = ["divisionCode": form.divisionCode ?? "", "departmentCode": form.departmentCode ?? ""]
        let checked: (division: String, department: Department?)
        do {
            checked = try await checkPlacement(req, principal, role: user.role, division: form.divisionCode, department: form.departmentCode)
        } catch let problem as Problem where problem.status == .unprocessableEntity {
            return try await renderAccount(
                req, principal: principal, user: user, values: values, errors: problem.fieldMessages(req.language), status: .unprocessableEntity)
        }
        if user.role.isAdministrator {
            _ = try await AdministratorRequests(application: req.application, database: req.db)
                .fileMove(of: user, to: checked.division, departmentCode: checked.department?.code, by: principal, ip: req.clientIP)
            return req.redirect(to: "/security/requests?filed=\(user.username)")
        }
        try await AccountService(application: req.application, database: req.db)
            .move(user, to: checked.division, department: checked.department, actor: principal.auditActor, ip: req.clientIP)
        return req.redirect(to: done(user, "moved"))
    }

    /// A division in the principal's subtree and a unit they may see (required for handlers); 422 naming each field.
    func checkPlacement(
        _ req: Request, _ principal: Principal, role: Role, division raw: String?, department rawUnit: String?
    ) async throws -> (division: String, department: Department?) {
        var checks = InputValidator(req)
        var division: String?
        if let code = raw.flatMap({ DivisionCode($0) }), try await Division.find(code.value, on: req.db) != nil, principal.canSee(code) {
            division = code.value
        } else {
            checks.fail("/divisionCode", key: "accounts_division_choose")
        }
        var department: Department?
        if let code = rawUnit?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
            department = try await Department.query(on: req.db).filter(\.$code == code).first()
            if department.map({ !UnitLookup.visible($0, to: principal) }) ?? true { checks.fail("/departmentCode", key: "accounts_unit_choose") }
        } else if role.requiresDepartment {
            checks.fail("/departmentCode", key: "accounts_unit_required")
        }
        try checks.finish()
        return (division ?? "", department)
    }
}
