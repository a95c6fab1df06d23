import Vapor
import Fluent
import LianxinCore

/// The checks of one row of an account import, with what the earlier rows of the file already took (a
/// username, a grid's full-time member).
final class UserImportChecks {
    let application: Application
    let principal: Principal?
    let table: CSVTable
    /// The county `lianxin setup` loads: an account of another division is refused (nil: no such limit).
    var within: DivisionCode?
    private let roleNames: [String: Role]
    private var usernames: [String: Int] = [:]
    private var grids: [String: Int] = [:]

    init(application: Application, principal: Principal?, table: CSVTable) {
        self.application = application
        self.principal = principal
        self.table = table
        let localizer = application.lianxin.localizer
        var names: [String: Role] = [:]
        for role in Role.allCases {
            for language in Localizer.Language.allCases { names[localizer.text("role_\(role.rawValue)", language)] = role }
        }
        roleNames = names
    }

    /// The names a column may have in the file's first line: the English one or its Chinese name.
    static let columns: [String: [String]] = [
        "username": ["username", "用户名"], "name": ["name", "display_name", "姓名"], "role": ["role", "roles", "角色"],
        "division": ["division", "division_code", "区划", "区划代码"], "unit": ["unit", "department", "承办单位", "单位"],
        "phone": ["phone", "电话", "联系电话"], "grid": ["grid", "网格", "网格编码"], "password": ["password", "初始密码", "密码"],
    ]

    /// Whether the file has the column `name` under any of its names.
    static func has(_ name: String, in table: CSVTable) -> Bool {
        (columns[name] ?? [name]).contains { table.column($0) != nil }
    }

    private func field(_ fields: [String], _ name: String) -> String {
        for name in Self.columns[name] ?? [name] {
            if let index = table.column(name), index < fields.count { return fields[index].trimmingCharacters(in: .whitespaces) }
        }
        return ""
    }

    /// Checks the row; its problems go to `checks` under the column's name (`/username`, `/grid`…).
    func check(line: Int, _ fields: [String], into checks: inout InputValidator) async throws -> UserImporter.Row? {
        let db = application.db
        let username = field(fields, "username")
        if let within, let division = DivisionCode(field(fields, "division")), !within.contains(division) {
            checks.fail("/division", key: "setup_outside_county", ["code": division.value])
        }
        if let first = usernames[username], !username.isEmpty {
            checks.fail("/username", key: "accounts_csv_username_repeated", ["line": "\(first)"])
        } else {
            usernames[username] = line
        }
        var role: Role?
        switch AccountImportRules.role(field(fields, "role"), names: roleNames) {
        case .success(let found): role = found
        case .failure(let error): checks.fail("/role", key: "accounts_csv_\(error.issue.rawValue)")
        }
        let unitText = field(fields, "unit")
        let gridText = field(fields, "grid")
        // A missing unit is reported by the account's own check below.
        for issue in role.map({ AccountImportRules.check(role: $0, hasUnit: !unitText.isEmpty, hasGrid: !gridText.isEmpty) }) ?? []
        where issue != .unitRequired {
            checks.fail(issue == .roleAdministrator ? "/role" : "/grid", key: "accounts_csv_\(issue.rawValue)")
        }
        var password = field(fields, "password")
        let generated = password.isEmpty
        if generated {
            password = TemporaryPassword.generate(minimumLength: max(14, application.lianxin.passwordPolicy.minimumLength))
        }
        // The account's own checks (username, name, division and scope, unit, password) as the form makes them.
        let input = AccountService.NewAccount(
            username: username, displayName: field(fields, "name"), password: password,
            role: role?.rawValue ?? Role.operator.rawValue,
            divisionCode: field(fields, "division"), departmentCode: try await unitCode(unitText))
        var account: AccountService.CheckedAccount?
        do {
            account = try await AccountService(application: application, database: db).validate(input, by: principal, forApproval: true)
        } catch let problem as Problem {
            for error in problem.errors where !(error.field == "/role" && role == nil) {
                let column = ["/displayName": "/name", "/divisionCode": "/division", "/departmentCode": "/unit"][error.field] ?? error.field
                checks.fail(column, error.message)
            }
        }
        if let principal, let unit = account?.department, !UnitLookup.visible(unit, to: principal) {
            checks.fail("/unit", key: "accounts_unit_choose")
        }
        var phone: PhoneNumber?
        let phoneText = field(fields, "phone")
        if !phoneText.isEmpty {
            do { phone = try PhoneNumber(parsing: phoneText) } catch { checks.fail("/phone", key: "accounts_phone_invalid") }
        }
        let grid = try await checkGrid(gridText, line: line, division: account?.division.code, into: &checks)
        guard let account, let role, checks.isValid else { return nil }
        return UserImporter.Row(
            line: line,
            account: .init(
                username: account.username, displayName: account.displayName, role: role, division: account.division,
                department: account.department),
            phone: phone, grid: grid, password: password, generated: generated)
    }

    /// A unit named by its code or its exact name (the code is passed on to the account's own check).
    private func unitCode(_ text: String) async throws -> String? {
        guard !text.isEmpty else { return nil }
        if try await Department.query(on: application.db).filter(\.$code == text).first() != nil { return text }
        let named = try await Department.query(on: application.db).filter(\.$name == text).all()
        return named.count == 1 ? named[0].code : text
    }

    /// A grid in force, covered by the account's division, with no full-time member yet (in the database or earlier in the file).
    private func checkGrid(_ code: String, line: Int, division: DivisionCode?, into checks: inout InputValidator) async throws -> Grid? {
        guard !code.isEmpty else { return nil }
        guard let grid = try await Grid.query(on: application.db).filter(\.$code == code).filter(\.$validTo == nil).first(),
            principal.map({ $0.canSee(divisionCode: grid.communityCode) }) ?? true
        else {
            checks.fail("/grid", key: "accounts_csv_grid_unknown", ["grid": code])
            return nil
        }
        if let division, let community = DivisionCode(grid.communityCode), !division.contains(community) {
            checks.fail("/grid", key: "accounts_csv_grid_outside", ["grid": code])
        }
        if let first = grids[code] {
            checks.fail("/grid", key: "accounts_csv_grid_repeated", ["grid": code, "line": "\(first)"])
        } else {
            grids[code] = line
        }
        let taken = try await GridStaffAssignment.query(on: application.db).filter(\.$gridCode == code).filter(\.$validTo == nil)
            .filter(\.$role == "fullTime").count()
        if taken > 0 { checks.fail("/grid", key: "accounts_csv_grid_taken", ["grid": code]) }
        return grid
    }
}
