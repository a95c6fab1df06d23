import Vapor
import Fluent
import LianxinCore

/// `lianxin import users FILE.csv` and the upload on the users page: every row checked (its line and column
/// named for each problem), then every account, its encrypted phone and its grid written in one transaction,
/// or nothing. Each account gets the password of its row or a generated one, and must change it at first
/// sign-in. Administrator roles are never imported: they are made one at a time, with a second approval.
struct UserImporter {
    let application: Application
    static let maximumRows = 5_000

    /// An account made by the import, with the password to hand to its owner once.
    struct Created: Encodable, Sendable {
        let line: Int
        let username: String
        let displayName: String
        let password: String
        let generated: Bool
    }

    struct Row {
        let line: Int
        let account: AccountService.CheckedAccount
        let phone: PhoneNumber?
        let grid: Grid?
        let password: String
        let generated: Bool
    }

    /// Checks and writes the file; `principal` nil is the command line (any division), otherwise every account must
    /// fall inside their subtree. Throws one 422 listing every problem, with nothing written.
    func importCSV(_ text: String, by principal: Principal?, actor: AuditActor, ip: String?, within county: DivisionCode? = nil) async throws
        -> [Created]
    {
        let texts = InputValidator(application.lianxin.localizer)
        try ImportLimits.checkRows(text, limit: Self.maximumRows, texts)
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch { throw Problem.invalid(field: "/file", texts.message("accounts_csv_unreadable")) }
        let missing = ["username", "name", "role", "division"].filter { !UserImportChecks.has($0, in: table) }
        guard missing.isEmpty else {
            throw Problem.invalid(
                missing.map { .init(field: "header", message: texts.message("accounts_csv_missing_column", ["column": $0])) },
                detail: texts.message("accounts_csv_refused"))
        }
        let checker = UserImportChecks(application: application, principal: principal, table: table)
        checker.within = county
        var problems: [Problem.FieldError] = []
        var rows: [Row] = []
        for (line, fields) in table.rows {
            var checks = InputValidator(application.lianxin.localizer)
            let row = try await checker.check(line: line, fields, into: &checks)
            problems += checks.errors.map { .init(field: "line \(line), \($0.field.dropFirst())", message: $0.message) }
            if checks.isValid, let row { rows.append(row) }
        }
        if table.rows.isEmpty { problems.append(.init(field: "/file", message: texts.message("accounts_csv_empty"))) }
        guard problems.isEmpty else { throw Problem.invalid(problems, detail: texts.message("accounts_csv_refused")) }
        try await write(rows, actor: actor, ip: ip)
        return rows.map {
            Created(line: $0.line, username: $0.account.username, displayName: $0.account.displayName, password: $0.password, generated: $0.generated)
        }
    }

    private func write(_ rows: [Row], actor: AuditActor, ip: String?) async throws {
        let context = application.lianxin
        let passwords = Passwords(application: application)
        var hashed: [String] = []
        for row in rows { hashed.append(try await passwords.hash(row.password)) }
        let hashes = hashed
        let now = context.now()
        try await context.writes.run {
            try await application.db.transaction { db in
                for (row, hash) in zip(rows, hashes) {
                    let user = User(
                        username: row.account.username, displayName: row.account.displayName, passwordHash: hash, role: row.account.role,
                        divisionCode: row.account.division.code.value, departmentID: row.account.department?.id, now: now)
                    let id = UUID()
                    user.id = id
                    user.mustChangePassword = true
                    user.phoneCipher = try row.phone.map { try context.cipher.seal($0.value, for: .userPhone, row: id) }
                    try await user.create(on: db)
                    if let grid = row.grid {
                        let assignment = GridStaffAssignment()
                        assignment.gridCode = grid.code
                        assignment.userID = id
                        assignment.role = "fullTime"
                        assignment.validFrom = now
                        try await assignment.create(on: db)
                    }
                    try await AuditLog.record(
                        .userCreated, result: .success, actor: actor, target: "user:\(user.username)", ip: ip,
                        detail: "import role=\(user.role.rawValue) division=\(user.divisionCode)\(row.grid.map { " grid=\($0.code)" } ?? "")",
                        at: now, on: db)
                }
                try await AuditLog.record(
                    .usersImported, result: .success, actor: actor, target: "users", ip: ip, detail: "\(rows.count) accounts", at: now, on: db)
            }
        }
    }
}
