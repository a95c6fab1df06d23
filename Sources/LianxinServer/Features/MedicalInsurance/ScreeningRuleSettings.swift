import Vapor
import Fluent
import LianxinCore

/// `lianxin import screening-rules FILE.json`: the rules as data — a JSON array of
/// `{"kind", "enabled", "parameters": {name: number}, "institutionPoints", "personPoints"}` — checked
/// whole (known kinds and parameters, positive values, points ≥ 0) and stored in one transaction;
/// a kind left out keeps its setting.
enum ScreeningRuleSettings {
    static func store(_ data: Data, application: Application) async throws -> Int {
        let rules: [ScreeningRule]
        do { rules = try JSONDecoder().decode([ScreeningRule].self, from: data) } catch {
            throw Problem.invalid(field: "/file", InputValidator(application.lianxin.localizer).message("mi_rules_file"))
        }
        let problems = ScreeningRuleSet(rules: rules).problems
        guard problems.isEmpty else {
            throw Problem.invalid(problems.map { Problem.FieldError(field: "rules", message: "\($0)") }, detail: "\(problems.count) problems")
        }
        try await save(rules, policy: nil, actor: .commandLine, application: application)
        return rules.count
    }

    /// Stores `rules` (and the points thresholds, when given) in one transaction with the audit entry; a kind or
    /// threshold left out keeps its setting. The caller has checked them.
    static func save(_ rules: [ScreeningRule], policy: PointsPolicy?, actor: AuditActor, application: Application) async throws {
        let db = application.db
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try await application.lianxin.writes.run {
            try await db.transaction { db in
                let existing = try await InsuranceRuleSetting.query(on: db).all()
                for rule in rules {
                    let row = existing.first { $0.kind == rule.kind.rawValue } ?? InsuranceRuleSetting()
                    row.kind = rule.kind.rawValue
                    row.enabled = rule.enabled
                    row.parameters = String(decoding: try encoder.encode(rule.parameters), as: UTF8.self)
                    row.institutionPoints = rule.institutionPoints
                    row.personPoints = rule.personPoints
                    try await row.save(on: db)
                }
                if let policy {
                    let stored = try await InsurancePointsThreshold.query(on: db).all()
                    for subject in PointsPolicy.Subject.allCases {
                        for (action, points) in policy.thresholds(subject) {
                            let row =
                                stored.first { $0.subject == subject.rawValue && $0.action == action.rawValue } ?? InsurancePointsThreshold()
                            row.subject = subject.rawValue
                            row.action = action.rawValue
                            row.points = points
                            try await row.save(on: db)
                        }
                    }
                }
                let thresholds = policy.map { policy in
                    PointsPolicy.Subject.allCases.map { subject in
                        "\(subject.rawValue) " + PointsPolicy.Action.allCases.map { "\(policy.thresholds(subject)[$0] ?? 0)" }.joined(separator: "/")
                    }.joined(separator: ", ")
                }
                try await AuditLog.record(
                    .settingsChanged, result: .success, actor: actor, target: "mi_rule_settings",
                    detail: ([rules.map(\.kind.rawValue).joined(separator: ",")] + (thresholds.map { [$0] } ?? [])).joined(separator: "; "),
                    at: application.lianxin.now(), on: db)
            }
        }
    }

    struct Command: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "file", help: "JSON array of {kind, enabled, parameters, institutionPoints, personPoints}.") var file: String
        }

        var help: String { "Sets the medical-insurance screening rules (enabled, parameters, points); the whole file or nothing." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let text = try importText(signature.file)
            let count = try await reportingProblems(context) { try await ScreeningRuleSettings.store(Data(text.utf8), application: app) }
            context.console.print("screening rules: \(count) set")
        }
    }
}
