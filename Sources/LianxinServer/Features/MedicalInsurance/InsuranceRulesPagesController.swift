import Vapor
import Fluent
import LianxinCore

/// `/medical-insurance/rules`: the screening rules as data — whether each runs, its parameters, the points a confirmed
/// violation gives the institution and the doctor — and the points thresholds of 记分管理 (约谈, 暂停结算, 解除协议),
/// edited by a fund supervisor on one form; every refusal beside its field with what was typed kept; audited.
struct InsuranceRulesPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("medical-insurance", "rules")
        pages.get(use: index)
        pages.post(use: save)
    }

    struct Cell: Encodable, Sendable {
        let field: String
        let label: String
        let value: String
        let error: String
    }

    struct RuleRow: Encodable, Sendable {
        let kind: String
        let label: String
        let enabledField: String
        let enabled: Bool
        let parameters: [Cell]
        let institutionPoints: Cell
        let personPoints: Cell
    }

    struct ThresholdRow: Encodable, Sendable {
        let label: String
        let cells: [Cell]
    }

    struct Model: Encodable, Sendable {
        let rules: [RuleRow]
        let thresholds: [ThresholdRow]
        let notice: String
    }

    func index(req: Request) async throws -> Response {
        _ = try await req.require(.superviseMedicalInsurance)
        let rules = try await InsuranceStore.rules(on: req.db)
        let policy = try await InsuranceStore.policy(on: req.db)
        let echo = req.formEcho
        let sent = !echo.action.isEmpty
        func cell(_ field: String, _ label: String, _ stored: String) -> Cell {
            Cell(field: field, label: label, value: sent ? echo.values[field] ?? "" : stored, error: echo.errors[field] ?? "")
        }
        let rows = rules.rules.map { rule in
            let kind = rule.kind.rawValue
            return RuleRow(
                kind: kind, label: req.t("mi_rule_\(kind)"), enabledField: "enabled_\(kind)",
                enabled: sent ? echo.values["enabled_\(kind)"] == "on" : rule.enabled,
                parameters: ScreeningParameter.read(by: rule.kind).map { parameter in
                    cell("param_\(kind)_\(parameter.rawValue)", req.t("mi_param_\(parameter.rawValue)"), Self.number(rule.value(parameter)))
                },
                institutionPoints: cell("ipoints_\(kind)", req.t("mi_rules_institution_points"), "\(rule.institutionPoints)"),
                personPoints: cell("ppoints_\(kind)", req.t("mi_rules_person_points"), "\(rule.personPoints)"))
        }
        let thresholds = PointsPolicy.Subject.allCases.map { subject in
            let values = policy.thresholds(subject)
            return ThresholdRow(
                label: req.t("mi_rules_subject_\(subject.rawValue)"),
                cells: PointsPolicy.Action.allCases.map { action in
                    cell("threshold_\(subject.rawValue)_\(action.rawValue)", req.t("mi_action_\(action.rawValue)"), "\(values[action] ?? 0)")
                })
        }
        let model = Model(rules: rows, thresholds: thresholds, notice: req.query[String.self, at: "done"] != nil ? req.t("mi_rules_saved") : "")
        return try await req.page("medical-insurance/rules", title: "mi_rules_title", model: model)
    }

    static func number(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }

    func save(req: Request) async throws -> Response {
        _ = try await req.require(.superviseMedicalInsurance)
        let values = try req.content.decode([String: String].self)
        var validator = InputValidator(req)
        func text(_ field: String) -> String { (values[field] ?? "").trimmingCharacters(in: .whitespaces) }
        var rules: [ScreeningRule] = []
        for kind in ScreeningRuleKind.allCases {
            var parameters: [String: Double] = [:]
            for parameter in ScreeningParameter.read(by: kind) {
                let field = "param_\(kind.rawValue)_\(parameter.rawValue)"
                if let value = Double(text(field)), value.isFinite, value > 0, value <= 10_000 {
                    parameters[parameter.rawValue] = value
                } else {
                    validator.fail("/\(field)", key: "mi_rules_param_invalid")
                }
            }
            var points: [Int] = []
            for field in ["ipoints_\(kind.rawValue)", "ppoints_\(kind.rawValue)"] {
                if let value = Int(text(field)), (0...100).contains(value) {
                    points.append(value)
                } else {
                    validator.fail("/\(field)", key: "mi_rules_points_invalid")
                    points.append(0)
                }
            }
            rules.append(
                ScreeningRule(
                    kind: kind, enabled: values["enabled_\(kind.rawValue)"] == "on", parameters: parameters, institutionPoints: points[0],
                    personPoints: points[1]))
        }
        var lists: [PointsPolicy.Subject: [PointsPolicy.Threshold]] = [:]
        for subject in PointsPolicy.Subject.allCases {
            for action in PointsPolicy.Action.allCases {
                let field = "threshold_\(subject.rawValue)_\(action.rawValue)"
                guard let value = Int(text(field)) else {
                    validator.fail("/\(field)", key: "mi_rules_threshold_invalid")
                    continue
                }
                lists[subject, default: []].append(.init(points: value, action: action))
            }
        }
        let policy = PointsPolicy(institution: lists[.institution] ?? [], person: lists[.person] ?? [])
        let failed = Set(validator.errors.map(\.field))
        for problem in policy.problems {
            switch problem {
            case .outOfRange(let subject, let action):
                validator.fail("/threshold_\(subject.rawValue)_\(action.rawValue)", key: "mi_rules_threshold_invalid")
            case .notIncreasing(let subject, let action):
                validator.fail("/threshold_\(subject.rawValue)_\(action.rawValue)", key: "mi_rules_threshold_order")
            case .missing(let subject, let action):
                let field = "/threshold_\(subject.rawValue)_\(action.rawValue)"
                if !failed.contains(field) { validator.fail(field, key: "mi_rules_threshold_invalid") }
            }
        }
        do {
            try validator.finish()
            try await ScreeningRuleSettings.save(rules, policy: policy, actor: req.auditActor, application: req.application)
        } catch let problem as Problem where problem.status.code < 500 {
            return try await req.sendBack(to: "/medical-insurance/rules", problem: problem)
        }
        return req.redirect(to: "/medical-insurance/rules?done=1")
    }
}
