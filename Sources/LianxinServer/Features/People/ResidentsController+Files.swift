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

    /// The residents of the list's filters as CSV (UTF-8 with BOM, the import's columns). ID
    /// numbers and phones are masked unless `unmasked=true` with a `reason` by a role allowed to
    /// unmask; every export is audited.
    func export(req: Request) async throws -> Response {
        let principal = try await req.require(.viewResidents)
        let scope = try await req.registryScope(principal)
        var unmasked = false
        var reason: String?
        if let text = req.query[String.self, at: "unmasked"], text == "true" {
            guard principal.role.can(.unmaskPersonalData) else {
                await req.audit(
                    .permissionDenied, result: .denied, target: "GET \(req.url.path)", detail: "needs \(Permission.unmaskPersonalData.rawValue)")
                throw Problem.forbidden
            }
            reason = try UnmaskReason.checked(req.query[String.self, at: "reason"])
            unmasked = true
        }
        let rows = try await Self.filtered(req, scope: scope).sort(\.$communityCode).sort(\.$gridCode).sort(\.$name).sort(\.$id).all()
        let text = try await ResidentExport.csv(rows, unmasked: unmasked, cipher: req.lianxin.cipher, on: req.db)
        await req.audit(
            .exported, result: .success, target: "residents",
            detail: "\(rows.count) rows, \(unmasked ? "unmasked: \(reason ?? "")" : "masked")")
        return Response(
            status: .ok,
            headers: [
                "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": "attachment; filename=\"residents.csv\"",
            ], body: .init(string: text))
    }
}
