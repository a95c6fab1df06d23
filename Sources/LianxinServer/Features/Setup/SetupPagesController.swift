import Vapor
import Fluent
import LianxinCore

/// `/setup` (首次设置): on an empty database, the person holding the setup code `serve` prints loads
/// the county's divisions (a file shaped like the public division files, or the list shipped with
/// Lianxin) and creates the three administrators, whose second factors are shown once as QR codes.
/// Afterwards the same page is the system administrator's walk through the county's setup — divisions
/// → units → catalogue → roles → routing check → accounts → grids — with an upload for each file and
/// the state of each step.
struct SetupPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("setup", use: show)
        let uploads = routes.grouped(ImportLimits.SizeCheck(bytes: 8 << 20))
        uploads.on(.POST, "setup", "divisions", body: .collect(maxSize: "8mb"), use: uploadDivisions)
        routes.post("setup", "county", use: chooseCounty)
        routes.post("setup", "accounts", use: createAdministrators)
        uploads.on(.POST, "setup", "units", body: .collect(maxSize: "8mb"), use: uploadUnits)
        uploads.on(.POST, "setup", "catalogue", body: .collect(maxSize: "8mb"), use: uploadCatalogue)
        uploads.on(.POST, "setup", "roles", body: .collect(maxSize: "8mb"), use: uploadRoles)
    }

    static let firstRunActor = AuditActor(id: nil, name: "setup-code", role: nil, division: nil)

    /// Whether the database has no account yet: the first run.
    static func isFirstRun(_ req: Request) async throws -> Bool {
        try await User.query(on: req.db).count() == 0
    }

    func show(req: Request) async throws -> Response {
        if try await Self.isFirstRun(req) { return try await FirstRun.render(req) }
        guard req.principal != nil else { return req.redirect(to: "/login") }
        let principal = try await req.require(.manageRules)
        return try await SetupWalk.render(req, principal: principal, notice: req.query[String.self, at: "done"].map { req.t("setup_done_\($0)") })
    }

    /// Who may load a division file now: the holder of the setup code on the first run, afterwards a
    /// system administrator (nil principal: the first run).
    private func authorise(_ req: Request, code: String?) async throws -> Principal? {
        if try await Self.isFirstRun(req) {
            guard SetupCode.matches(code, req.lianxin.cipher) else {
                await req.audit(.permissionDenied, result: .denied, target: "setup", detail: "wrong setup code")
                throw FirstRun.WrongCode()
            }
            return nil
        }
        return try await req.require(.manageRules)
    }

    struct DivisionsForm: Content {
        var code: String?
        var file: File?
        var source: String?
    }

    func uploadDivisions(req: Request) async throws -> Response {
        let form = try req.content.decode(DivisionsForm.self)
        let principal: Principal?
        do { principal = try await authorise(req, code: form.code) } catch is FirstRun.WrongCode {
            return try await FirstRun.render(req, code: form.code, error: req.t("setup_code_wrong"), status: .forbidden)
        }
        let text: String
        if form.source == "shipped" {
            let path = (req.lianxin.settings.resourcesDirectory as NSString).appendingPathComponent(FirstRun.shippedDivisions)
            text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        } else if let file = form.file, file.data.readableBytes > 0,
            let read = file.data.getString(at: file.data.readerIndex, length: file.data.readableBytes)
        {
            text = read
        } else {
            return try await FirstRun.failDivisions(req, principal, code: form.code, error: req.t("setup_choose_file"))
        }
        if case .failure(let rejected) = DivisionFile.read(text) {
            let problems = rejected.issues.map { issue in
                ImportProblemRow(Problem.FieldError(field: "line \(issue.line)", message: issue.message), columnKeys: "", req)
            }
            return try await FirstRun.failDivisions(req, principal, code: form.code, error: req.t("setup_file_refused"), problems: problems)
        }
        let counties = SetupUploads.counties(in: text).filter { county in
            principal.map { $0.canSee(divisionCode: county.code) || DivisionCode(county.code)?.contains($0.division) == true } ?? true
        }
        guard !counties.isEmpty else {
            return try await FirstRun.failDivisions(req, principal, code: form.code, error: req.t("setup_no_county"))
        }
        let token = try SetupUploads.keep(text, req.application)
        return try await FirstRun.renderCountyChoice(req, principal, code: form.code ?? "", token: token, counties: counties)
    }

    struct CountyForm: Content {
        var code: String?
        var token: String?
        var county: String?
    }

    func chooseCounty(req: Request) async throws -> Response {
        let form = try req.content.decode(CountyForm.self)
        let principal: Principal?
        do { principal = try await authorise(req, code: form.code) } catch is FirstRun.WrongCode {
            return try await FirstRun.render(req, code: form.code, error: req.t("setup_code_wrong"), status: .forbidden)
        }
        guard let path = form.token.flatMap({ SetupUploads.path($0, req.application) }),
            let text = try? String(contentsOfFile: path, encoding: .utf8)
        else {
            return try await FirstRun.failDivisions(req, principal, code: form.code, error: req.t("setup_upload_gone"))
        }
        let counties = SetupUploads.counties(in: text)
        guard let county = form.county.flatMap(DivisionCode.init), counties.contains(where: { $0.code == county.value }),
            principal.map({ $0.canSee(county) || county.contains($0.division) }) ?? true,
            let selected = try? DivisionFile.select(text, for: county)
        else {
            return try await FirstRun.renderCountyChoice(
                req, principal, code: form.code ?? "", token: form.token ?? "", counties: counties, error: req.t("setup_choose_county"))
        }
        let report: DivisionImporter.Report
        do {
            report = try await req.lianxin.writes.run {
                try await DivisionImporter(database: req.db).importCSV(
                    selected, actor: principal?.auditActor ?? Self.firstRunActor, now: req.lianxin.now())
            }
        } catch let failed as DivisionImporter.Failed {
            let problems = failed.issues.map {
                ImportProblemRow(Problem.FieldError(field: "line \($0.line)", message: $0.message), columnKeys: "", req)
            }
            return try await FirstRun.failDivisions(req, principal, code: form.code, error: req.t("setup_file_refused"), problems: problems)
        }
        try? FileManager.default.removeItem(atPath: path)
        req.lianxin.referenceCache.clear()
        req.logger.info("setup: divisions of \(county.value) loaded (\(report.inserted) new, \(report.updated) changed)")
        if principal == nil { return try await FirstRun.render(req, code: form.code, county: county.value) }
        return req.redirect(to: "/setup?done=divisions")
    }
}
