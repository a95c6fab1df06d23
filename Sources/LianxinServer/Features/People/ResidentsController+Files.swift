import Vapor
import Fluent
import LianxinCore

/// Importing and exporting resident files.
extension ResidentsController {
    /// Imports a resident CSV (text/csv, UTF-8 with or without BOM) into grids of the caller's scope.
    func importResidents(req: Request) async throws -> ResidentImportReport {
        let principal = try await req.require(.manageResidents)
        guard let body = req.body.data, body.readableBytes > 0 else {
            throw Problem.invalid(field: "/file", "send the resident CSV as the body / 请上传居民 CSV 文件")
        }
        guard let text = String(data: Data(body.readableBytesView), encoding: .utf8) else {
            throw Problem.invalid(field: "/file", "the file is not UTF-8 text; save it as CSV UTF-8 / 文件不是 UTF-8 编码，请另存为 CSV UTF-8")
        }
        try ImportLimits.checkRows(text, limit: req.lianxin.settings.exposure.importCSVRows, InputValidator(req))
        do {
            return try await ResidentImporter(app: req.application)
                .importCSV(text, scope: try await req.registryScope(principal), actor: principal.auditActor)
        } catch let problem as Problem {
            await req.audit(.residentsImported, result: .failure, target: "residents", detail: problem.detail)
            throw problem
        }
    }

    /// What an export asks for: full numbers or masked ones, and why (always needed).
    struct ExportInput: Content {
        var unmasked: Bool?
        var reason: String?
    }

    /// The residents of the list's filters (query parameters, as the list takes them) as CSV
    /// (UTF-8 with BOM, the import's columns). A POST, so that a page on another site cannot start
    /// it (the session's CSRF token is needed); it needs the export permission and a reason; full
    /// ID numbers and phones need the personal-data export permission besides. One file holds at
    /// most `ExportPolicy`'s cap — narrow the filters for more —; every export is written to the
    /// ledger and the audit log before the file is sent (if they cannot be written, nothing is
    /// sent), and the one that takes a person past the day's volume raises an alert.
    func export(req: Request) async throws -> Response {
        let principal = try await req.require(.exportData)
        let input = try req.content.decode(ExportInput.self)
        let unmasked = input.unmasked ?? false
        if unmasked { _ = try await req.require(.exportPersonalData) }
        let reason = try UnmaskReason.checked(input.reason)
        let scope = try await req.registryScope(principal)
        let policy = req.application.exportPolicy
        let cap = policy.cap(unmasked: unmasked)
        let rows = try await Self.filtered(req, scope: scope).sort(\.$communityCode).sort(\.$gridCode).sort(\.$name).sort(\.$id)
            .limit(cap + 1).all()
        guard rows.count <= cap else {
            throw Problem.invalid(field: "/filters", req.t("export_too_many").replacingOccurrences(of: "{cap}", with: String(cap)))
        }
        let text = try await ResidentExport.csv(rows, unmasked: unmasked, cipher: req.lianxin.cipher, on: req.db)
        let now = req.lianxin.now()
        let actor = principal.auditActor
        let detail = "\(rows.count) rows, \(unmasked ? "unmasked" : "masked"): \(reason)"
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                // The ledger row is written first, so that the transaction holds SQLite's write lock before it reads.
                let weight = policy.weight(rows: rows.count, unmasked: unmasked)
                try await PersonalDataExport(
                    userID: principal.userID, what: "residents", rows: rows.count, weight: weight, unmasked: unmasked, reason: reason, at: now
                ).create(on: db)
                let earlier =
                    try await PersonalDataExport.volume(of: principal.userID, since: now.addingTimeInterval(-policy.window), on: db) - weight
                try await AuditLog.record(
                    .exported, result: .success, actor: actor, target: "residents", recordDivision: scope.division.value, ip: req.clientIP,
                    requestID: req.id, detail: detail,
                    at: now, on: db)
                if policy.crossesAlert(earlier: earlier, rows: rows.count, unmasked: unmasked) {
                    try await AuditLog.record(
                        .exportVolumeAlert, result: .success, actor: actor, target: "residents", recordDivision: scope.division.value,
                        ip: req.clientIP, requestID: req.id,
                        detail:
                            "\(earlier + policy.weight(rows: rows.count, unmasked: unmasked)) weighted rows within 24 h (alert at \(policy.alertVolume))",
                        at: now, on: db)
                }
            }
        }
        return Response(
            status: .ok,
            headers: [
                "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": "attachment; filename=\"residents.csv\"",
                "Cache-Control": "no-store",
            ], body: .init(string: text))
    }
}
