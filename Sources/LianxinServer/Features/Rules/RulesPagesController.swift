import Vapor
import Fluent
import LianxinCore

/// The administrator's pages for the rules the work runs on: categories, routing rules, SLA
/// policies, the working-day calendar and the grids import. Each change goes through the same
/// handler as the API (so the same checks, transaction and audit entry) and comes back to the page.
struct AdminPagesController: RouteCollection {
    /// The largest grids file read (`LIANXIN_IMPORT_GEOJSON_MB`, plus the form around it).
    var geoJSONBytes = ExposureLimits().importGeoJSONBytes

    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped("admin")
        admin.get("rules", use: rules)
        admin.post("rules", "routing", use: addRule)
        admin.post("rules", "routing", ":id", "delete", use: deleteRule)
        admin.post("rules", "calendar", use: importDays)
        admin.post("rules", "returns", use: addReturnReason)
        admin.post("rules", "returns", ":id", use: changeReturnReason)
        admin.grouped(ImportLimits.SizeCheck(bytes: geoJSONBytes + 65_536))
            .on(.POST, "rules", "grids", body: .collect(maxSize: ByteCount(integerLiteral: geoJSONBytes + 65_536)), use: importGrids)
    }

    struct RulesModel: Encodable, Sendable {
        struct CategoryRow: Encodable, Sendable { let code: String; let name: String; let department: String; let policy: String; let active: Bool }
        struct RuleRow: Encodable, Sendable { let id: String; let category: String; let division: String; let department: String }
        struct PolicyRow: Encodable, Sendable { let code: String; let name: String }
        struct DayRow: Encodable, Sendable { let day: String; let kind: String; let name: String }
        struct ReturnReasonRow: Encodable, Sendable { let id: String; let name: String; let needsNote: Bool; let active: Bool }
        let categories: [CategoryRow]
        let rules: [RuleRow]
        let policies: [PolicyRow]
        let days: [DayRow]
        let returnReasons: [ReturnReasonRow]
        let year: String
        let categoryOptions: [SelectOption]
        let departmentOptions: [SelectOption]
        let divisionPicker: DivisionPicker
        let values: [String: String]
        let errors: [String: String]
        let notice: String
        let error: String
        let section: String
    }

    func rules(req: Request) async throws -> Response {
        _ = try await req.require(.manageRules)
        let notice = req.query[String.self, at: "saved"].map { req.t("admin_saved_\($0)") } ?? ""
        return try await render(req, notice: notice)
    }

    func render(
        _ req: Request, values: [String: String] = [:], errors: [String: String] = [:], notice: String = "", error: String = "",
        section: String = "", status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let lookup = try await WorkbenchLookup.load(req)
        let departments = try await Department.query(on: req.db).sort(\.$code).all()
        let departmentName = Dictionary(departments.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let categories = lookup.catalog.categories.values.sorted { ($0.id ?? "") < ($1.id ?? "") }.map { c in
            RulesModel.CategoryRow(
                code: c.id ?? "", name: lookup.categoryName(c.id ?? ""),
                department: c.defaultDepartmentCode.map { departmentName[$0] ?? $0 } ?? "—", policy: c.slaPolicyCode, active: c.active)
        }
        let routing = try await RoutingRule.query(on: req.db).sort(\.$categoryCode).sort(\.$divisionCode).limit(2000).all()
        let divisionNames = try await DivisionQueries.names(of: routing.map(\.divisionCode), on: req.db)
        let rules = routing.map { r in
            RulesModel.RuleRow(
                id: r.id?.uuidString ?? "", category: lookup.categoryName(r.categoryCode), division: divisionNames[r.divisionCode] ?? r.divisionCode,
                department: departmentName[r.departmentCode] ?? r.departmentCode)
        }
        let policies = try await SLAPolicyRecord.query(on: req.db).sort(\.$id).all().map { p in
            RulesModel.PolicyRow(code: p.id ?? "", name: p.name)
        }
        let year =
            req.query[String.self, at: "year"].flatMap { $0.count == 4 && Int($0) != nil ? $0 : nil }
            ?? String(LocalDate(lookup.now, in: WorkCalendar.shanghai).year)
        let days = try await CalendarDay.query(on: req.db).filter(\.$id, .custom("LIKE"), year + "-%").sort(\.$id).all().map { d in
            RulesModel.DayRow(day: d.id ?? "", kind: req.t("admin_day_\(d.kind)"), name: d.name ?? "")
        }
        let returnReasons = try await ReturnReason.query(on: req.db).sort(\.$position).sort(\.$name).all().map { r in
            RulesModel.ReturnReasonRow(id: r.id?.uuidString ?? "", name: r.name, needsNote: r.needsNote, active: r.active)
        }
        let model = RulesModel(
            categories: categories, rules: rules, policies: policies, days: days, returnReasons: returnReasons, year: year,
            categoryOptions: lookup.categoryOptions.selecting(values["categoryCode"]),
            departmentOptions: departments.map { SelectOption(value: $0.code, label: $0.name) }.selecting(values["departmentCode"]),
            divisionPicker: try await DivisionPicker.load(
                req, id: "ru-division", name: "divisionCode", label: req.t("field_division"),
                under: try await req.require(.manageRules).division,
                selected: values["divisionCode"], empty: req.t("field_picker_choose"), error: errors["divisionCode"] ?? ""),
            values: values, errors: errors, notice: notice, error: error, section: section)
        return try await req.page("rules/rules", title: "admin_rules", model: model, status: status)
    }

    /// Runs an API handler on the page's input and comes back to the page with the outcome.
    private func change(_ req: Request, section: String, values: [String: String], _ body: () async throws -> Void) async throws -> Response {
        _ = try await req.require(.manageRules)
        do {
            try await body()
            return req.redirect(to: "/admin/rules?saved=\(section)#\(section)")
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .forbidden {
            let errors = problem.fieldMessages(req.language)
            return try await render(
                req, values: values, errors: errors,
                error: errors.isEmpty ? problem.detail(req.language) : errors.values.sorted().joined(separator: "；"),
                section: section, status: problem.status)
        }
    }

    struct RuleForm: Content { var categoryCode: String?; var divisionCode: String?; var departmentCode: String? }

    func addRule(req: Request) async throws -> Response {
        let form = try req.content.decode(RuleForm.self)
        return try await change(
            req, section: "routing",
            values: [
                "categoryCode": form.categoryCode ?? "", "divisionCode": form.divisionCode ?? "",
                "departmentCode": form.departmentCode ?? "",
            ]
        ) {
            try req.content.encode(
                RulesController.RuleDTO(
                    id: nil, categoryCode: form.categoryCode, divisionCode: form.divisionCode,
                    departmentCode: form.departmentCode), as: .json)
            _ = try await RulesController().putRule(req: req)
        }
    }

    func deleteRule(req: Request) async throws -> Response {
        try await change(req, section: "routing", values: [:]) {
            _ = try await RulesController().deleteRule(req: req)
        }
    }

    struct ReturnReasonForm: Content { var name: String?; var needsNote: String?; var active: String? }

    /// 退单原因: a new reason for the units' list.
    func addReturnReason(req: Request) async throws -> Response {
        let form = try req.content.decode(ReturnReasonForm.self)
        return try await change(req, section: "returns", values: ["returnName": form.name ?? "", "needsNote": form.needsNote ?? ""]) {
            try req.content.encode(
                ReturnReasonsController.ReasonInput(name: form.name, needsNote: form.needsNote == "true", active: true), as: .json)
            _ = try await ReturnReasonsController().create(req: req)
        }
    }

    /// 退单原因: put a reason out of use, or back into use.
    func changeReturnReason(req: Request) async throws -> Response {
        let form = try req.content.decode(ReturnReasonForm.self)
        return try await change(req, section: "returns", values: [:]) {
            try req.content.encode(ReturnReasonsController.ReasonInput(active: form.active == "true"), as: .json)
            _ = try await ReturnReasonsController().update(req: req)
        }
    }

    /// A string encoded as itself (plain text).
    struct JSONValueText: Content, Encodable {
        let text: String
        func encode(to encoder: any Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(text) }
    }

    struct DaysForm: Content { var notice: String? }

    func importDays(req: Request) async throws -> Response {
        let form = try req.content.decode(DaysForm.self)
        return try await change(req, section: "calendar", values: ["notice": form.notice ?? ""]) {
            try req.content.encode(JSONValueText(text: form.notice ?? ""), as: .plainText)
            _ = try await RulesController().importDays(req: req)
        }
    }

    struct GridsForm: Content { var file: File?; var coordinates: String?; var replace: String? }

    func importGrids(req: Request) async throws -> Response {
        let principal = try await req.require(.manageDivisions)
        let form = try req.content.decode(GridsForm.self)
        return try await change(req, section: "grids", values: ["coordinates": form.coordinates ?? "wgs84"]) {
            guard let file = form.file, file.data.readableBytes > 0 else { throw Problem.invalid(field: "/file", req.t("admin_grids_file")) }
            guard let system = CoordinateSystem(rawValue: form.coordinates ?? "wgs84") else {
                throw Problem.invalid(field: "/coordinates", "wgs84 / gcj02")
            }
            do {
                _ = try await GridImporter(app: req.application).importGeoJSON(
                    Data(file.data.readableBytesView), coordinates: system,
                    replace: form.replace == "true", within: principal.division, actor: principal.auditActor)
            } catch let problem as Problem {
                await req.audit(.gridsImported, result: .failure, target: "grids", detail: problem.detail)
                throw problem
            }
        }
    }
}
