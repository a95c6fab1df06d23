import Vapor
import Fluent
import LianxinCore

/// `/admin/sla-policies`: the time-limit policies as a form — per stage an amount, its unit (minutes,
/// working hours, working days, calendar days, end of day) and when to warn — instead of raw JSON.
/// The policy is checked by the domain (`SLAPolicy`) and saved with its audit entry.
struct SLAPolicyPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("admin", "sla-policies")
        pages.get("new", use: newForm)
        pages.post("new", use: save)
        pages.get(":code", use: editForm)
        pages.post(":code", use: save)
    }

    struct StageRow: Encodable, Sendable {
        let stage: String
        let title: String
        let amount: String
        let units: [SelectOption]
        let warningKinds: [SelectOption]
        let warningValue: String
        let error: String
    }

    struct FormModel: Encodable, Sendable {
        let code: String
        let values: [String: String]
        let errors: [String: String]
        let stages: [StageRow]
        let error: String
    }

    func newForm(req: Request) async throws -> Response {
        _ = try await req.requireReferenceAuthority(.manageRules)
        return try await render(req, code: "", values: [:], errors: [:])
    }

    func editForm(req: Request) async throws -> Response {
        _ = try await req.requireReferenceAuthority(.manageRules)
        guard let code = req.parameters.get("code"), let record = try await SLAPolicyRecord.find(code, on: req.db),
            let policy = try? JSONDecoder().decode(SLAPolicy.self, from: Data(record.definition.utf8))
        else { throw Problem.notFound("policy") }
        return try await render(req, code: code, values: Self.values(of: policy), errors: [:])
    }

    /// The form's fields for `policy`: `{stage}Amount`, `{stage}Unit`, `{stage}WarnKind` (percent or minutes), `{stage}WarnValue`.
    static func values(of policy: SLAPolicy) -> [String: String] {
        var values = ["code": policy.code, "name": policy.name, "englishName": policy.englishName]
        for limit in policy.stages {
            let stage = limit.stage.rawValue
            values[stage + "Amount"] = "\(limit.limit.amount)"
            values[stage + "Unit"] = limit.limit.unit.rawValue
            switch limit.warning {
            case .fraction(let share):
                values[stage + "WarnKind"] = "percent"
                values[stage + "WarnValue"] = "\(Int((share * 100).rounded()))"
            case .minutesBefore(let minutes):
                values[stage + "WarnKind"] = "minutes"
                values[stage + "WarnValue"] = "\(minutes)"
            }
        }
        return values
    }

    /// The policy the form describes, or every problem under its field (`/complete`, `/name`).
    static func policy(_ values: [String: String], code fixed: String?, into checks: inout InputValidator) -> SLAPolicy? {
        let code = (fixed ?? values["code"] ?? "").trimmingCharacters(in: .whitespaces)
        if !UnitChecks.isCode(code) { checks.fail("/code", key: "catalogue_code_format") }
        let name = checks.text(values["name"], "/name", 1...60)
        let englishName = checks.text(values["englishName"], "/englishName", 0...80)
        var stages: [StageLimit] = []
        for stage in SLAStage.allCases {
            let key = stage.rawValue
            let amountText = values[key + "Amount"]?.trimmingCharacters(in: .whitespaces) ?? ""
            if amountText.isEmpty { continue }
            guard let amount = Int(amountText), amount >= 0, amount <= 100_000,
                let unit = TimeLimitUnit(rawValue: values[key + "Unit"] ?? "")
            else {
                checks.fail("/\(key)", key: "sla_form_amount")
                continue
            }
            let limit = TimeLimit(amount, unit)
            guard limit.isValid else {
                checks.fail("/\(key)", key: "sla_form_amount")
                continue
            }
            let warnText = values[key + "WarnValue"]?.trimmingCharacters(in: .whitespaces) ?? ""
            var warning = WarningThreshold.fraction(0.8)
            if !warnText.isEmpty {
                switch (values[key + "WarnKind"], Int(warnText)) {
                case ("minutes", let minutes?) where minutes >= 0: warning = .minutesBefore(minutes)
                case (_, let percent?) where (1...100).contains(percent) && values[key + "WarnKind"] != "minutes":
                    warning = .fraction(Double(percent) / 100)
                default:
                    checks.fail("/\(key)", key: "sla_form_warning")
                    continue
                }
            }
            stages.append(StageLimit(stage, limit, warning: warning))
        }
        if stages.isEmpty, checks.isValid { checks.fail("/stages", key: "sla_form_no_stage") }
        guard checks.isValid else { return nil }
        do {
            return try SLAPolicy(code: code, name: name, englishName: englishName.isEmpty ? name : englishName, stages: stages)
        } catch {
            checks.fail("/stages", error.message(english: false))
            return nil
        }
    }

    func save(req: Request) async throws -> Response {
        let principal = try await req.requireReferenceAuthority(.manageRules)
        let values = try req.content.decode([String: String].self)
        let fixed = req.parameters.get("code")
        var checks = InputValidator(req)
        let policy = Self.policy(values, code: fixed, into: &checks)
        if fixed == nil, let code = values["code"], UnitChecks.isCode(code), try await SLAPolicyRecord.find(code, on: req.db) != nil {
            checks.fail("/code", key: "sla_form_code_taken", ["code": code])
        }
        if let fixed, try await SLAPolicyRecord.find(fixed, on: req.db) == nil { throw Problem.notFound("policy") }
        guard checks.isValid, let policy else {
            var errors: [String: String] = [:]
            for error in checks.errors {
                let field = error.field.split(separator: "/").first.map(String.init) ?? "form"
                errors[field] = errors[field].map { $0 + " " + error.message } ?? error.message
            }
            return try await render(req, code: fixed ?? "", values: values, errors: errors, status: .unprocessableEntity)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(policy), as: UTF8.self)
        let record =
            try await SLAPolicyRecord.find(policy.code, on: req.db) ?? SLAPolicyRecord(code: policy.code, name: policy.name, definition: json)
        record.name = policy.name
        record.definition = json
        let (actor, ip, now) = (principal.auditActor, req.clientIP, req.lianxin.now())
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await record.save(on: db)
                try await AuditLog.record(
                    .settingsChanged, result: .success, actor: actor, target: "sla-policy:\(policy.code)", ip: ip, at: now, on: db)
            }
        }
        req.lianxin.referenceCache.clear()
        return req.redirect(to: "/admin/rules?done=1#sla")
    }

    private func render(
        _ req: Request, code: String, values: [String: String], errors: [String: String], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let english = req.language == .en
        let rows = SLAStage.allCases.map { stage in
            let key = stage.rawValue
            let unit = values[key + "Unit"] ?? TimeLimitUnit.workingDays.rawValue
            let kind = values[key + "WarnKind"] ?? "percent"
            return StageRow(
                stage: key, title: stage.title(english: english), amount: values[key + "Amount"] ?? "",
                units: TimeLimitUnit.allCases.map {
                    SelectOption(value: $0.rawValue, label: req.t("sla_unit_\($0.rawValue)"), selected: $0.rawValue == unit)
                },
                warningKinds: ["percent", "minutes"].map { SelectOption(value: $0, label: req.t("sla_warn_\($0)"), selected: $0 == kind) },
                warningValue: values[key + "WarnValue"] ?? "", error: errors[key] ?? "")
        }
        let model = FormModel(
            code: code, values: values, errors: errors, stages: rows, error: errors.isEmpty ? "" : req.t("catalogue_errors"))
        return try await req.page("catalogue/sla-policy", title: code.isEmpty ? "sla_form_new" : "sla_form_edit", model: model, status: status)
    }
}
