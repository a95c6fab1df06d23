import Fluent
import LianxinCore
import Vapor

/// `/admin/escalation`: the county's escalation rules (升级规则) as the rules administrator edits them — what the
/// platform does when a clock warns or breaches for the first, second… time, on one stage or any, and who else is
/// told. Every rule is saved at once, in one transaction, and audited; a refused form comes back with what was chosen.
struct EscalationRulesPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "escalation", use: show)
        routes.post("admin", "escalation", use: save)
    }

    struct Row: Encodable, Sendable {
        let index: Int
        let number: Int
        let triggers: [SelectOption]
        let stages: [SelectOption]
        let occurrences: [SelectOption]
        let steps: [SelectOption]
        let audiences: [SelectOption]
        let active: Bool
        let isNew: Bool
        let error: String
    }

    struct Model: Encodable, Sendable {
        let rows: [Row]
        let count: Int
        let notice: String
    }

    func show(req: Request) async throws -> Response {
        _ = try await req.require(.manageRules)
        let echo = req.formEcho
        let rows: [Row]
        if echo.action == "/admin/escalation" {
            let count = Int(echo.values["count"] ?? "") ?? 0
            rows = (0...count).map { row(req, index: $0, form: echo.values, error: echo.errors["rule\($0)"] ?? "", isNew: $0 == count) }
        } else {
            let stored = try await EscalationRuleRecord.all(on: req.db)
            rows = stored.enumerated().map { row(req, index: $0.offset, rule: $0.element) } + [row(req, index: stored.count, rule: nil)]
        }
        let model = Model(
            rows: rows, count: rows.count - 1, notice: req.query[String.self, at: "saved"] != nil ? req.t("esc_saved") : "")
        return try await req.page("workorders/escalation", title: "esc_title", model: model)
    }

    /// The row for a stored rule, or the empty row for a new one.
    private func row(_ req: Request, index: Int, rule: EscalationRule?) -> Row {
        var form: [String: String] = [:]
        if let rule {
            form["trigger\(index)"] = rule.trigger.rawValue
            form["stage\(index)"] = rule.stage?.rawValue ?? ""
            form["from\(index)"] = String(rule.from)
            form["step\(index)"] = rule.step.rawValue
            for audience in rule.audience { form["tell\(index)_\(audience.rawValue)"] = "on" }
            form["active\(index)"] = rule.active ? "on" : ""
        }
        return row(req, index: index, form: form, error: "", isNew: rule == nil)
    }

    /// A row drawn from form values (the stored rule's or the refused form's).
    private func row(_ req: Request, index: Int, form: [String: String], error: String, isNew: Bool) -> Row {
        let trigger = form["trigger\(index)"] ?? ""
        let triggers =
            (isNew ? [SelectOption(value: "", label: req.t("esc_new_none"))] : [])
            + EscalationTrigger.allCases.map { SelectOption(value: $0.rawValue, label: req.t("esc_trigger_\($0.rawValue)")) }
        let stages =
            [SelectOption(value: "", label: req.t("esc_stage_any"))]
            + SLAStage.allCases.map { SelectOption(value: $0.rawValue, label: req.t("esc_stage_\($0.rawValue)")) }
        let occurrences = EscalationRule.occurrences.map {
            SelectOption(value: String($0), label: req.t("esc_from_n").replacingOccurrences(of: "{n}", with: String($0)))
        }
        let steps = EscalationStep.allCases.map { SelectOption(value: $0.rawValue, label: req.t("esc_step_\($0.rawValue)")) }
        let audiences = EscalationAudience.allCases.map {
            SelectOption(value: $0.rawValue, label: req.t("esc_tell_\($0.rawValue)"), selected: form["tell\(index)_\($0.rawValue)"] == "on")
        }
        return Row(
            index: index, number: index + 1, triggers: triggers.selecting(trigger), stages: stages.selecting(form["stage\(index)"] ?? ""),
            occurrences: occurrences.selecting(form["from\(index)"] ?? "1"), steps: steps.selecting(form["step\(index)"] ?? ""),
            audiences: audiences, active: isNew || form["active\(index)"] == "on", isNew: isNew, error: error)
    }

    /// Reads every row of the form: rows marked for removal and an empty new row are left out.
    static func rules(from form: [String: String], checks: inout InputValidator) -> [EscalationRule] {
        let count = min(Int(form["count"] ?? "") ?? 0, 200)
        var rules: [EscalationRule] = []
        for index in 0...count {
            let triggerText = form["trigger\(index)"] ?? ""
            if form["remove\(index)"] == "on" || (index == count && triggerText.isEmpty) { continue }
            guard let trigger = EscalationTrigger(rawValue: triggerText), let step = EscalationStep(rawValue: form["step\(index)"] ?? ""),
                let from = Int(form["from\(index)"] ?? ""), EscalationRule.occurrences.contains(from)
            else {
                checks.fail("/rule\(index)", key: "esc_error_incomplete")
                continue
            }
            let stageText = form["stage\(index)"] ?? ""
            guard stageText.isEmpty || SLAStage(rawValue: stageText) != nil else {
                checks.fail("/rule\(index)", key: "esc_error_incomplete")
                continue
            }
            let audience = Set(EscalationAudience.allCases.filter { form["tell\(index)_\($0.rawValue)"] == "on" })
            let active = index == count || form["active\(index)"] == "on"
            rules.append(EscalationRule(trigger, stage: SLAStage(rawValue: stageText), from: from, step: step, audience: audience, active: active))
            if let conflict = EscalationPlan.firstConflict(in: rules), conflict == rules.count - 1 {
                checks.fail("/rule\(index)", key: "esc_error_duplicate")
            }
        }
        return rules
    }

    func save(req: Request) async throws -> Response {
        let principal = try await req.require(.manageRules)
        let form = (try? req.content.decode([String: String].self)) ?? [:]
        var checks = InputValidator(req)
        let rules = Self.rules(from: form, checks: &checks)
        do { try checks.finish() } catch let problem as Problem {
            return try await req.sendBack(to: "/admin/escalation", echo: FormEcho(action: "/admin/escalation", values: form, problem: problem, req))
        }
        let now = req.lianxin.now()
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await EscalationRuleRecord.query(on: db).delete()
                for (index, rule) in rules.enumerated() {
                    try await EscalationRuleRecord(rule, position: (index + 1) * 10, at: now).create(on: db)
                }
                let detail = rules.map {
                    "\($0.trigger.rawValue)/\($0.stage?.rawValue ?? "*")/\($0.from)→\($0.step.rawValue)\($0.active ? "" : "(off)")"
                }
                try await AuditLog.record(
                    .settingsChanged, result: .success, actor: principal.auditActor, target: "escalation-rules", ip: req.clientIP,
                    detail: detail.joined(separator: ","), at: now, on: db)
            }
        }
        return req.redirect(to: "/admin/escalation?saved=1")
    }
}
