import Foundation

/// What sets an escalation rule off: a clock's warning (即将超时) or its breach (已超时).
public enum EscalationTrigger: String, Sendable, Hashable, Codable, CaseIterable {
    case warning, breach
}

/// What the platform does to the order when a rule applies: a reminder (催办), a supervision (督办) or a
/// leader's supervision (领导督办, a supervision that the division's leaders are told of).
public enum EscalationStep: String, Sendable, Hashable, Codable, CaseIterable {
    case remind, supervise, leaderSupervise
}

/// Who is told besides the handling unit, which always hears of a reminder or a supervision: the staff of a
/// role in the order's division, through their inbox.
public enum EscalationAudience: String, Sendable, Hashable, Codable, CaseIterable {
    case dispatchers, supervisors, leaders
}

/// One line of the county's escalation rules (升级规则): when the `from`-th alert of this kind (counted over the
/// order's life, every stage together) fires — on one stage, or on any when `stage` is nil — take `step` and tell
/// `audience`. Rules are data the hotline centre edits.
public struct EscalationRule: Sendable, Hashable, Codable {
    public var trigger: EscalationTrigger
    public var stage: SLAStage?
    /// The rule applies from this occurrence on (1 = the first alert of its kind), until a rule with a higher one.
    public var from: Int
    public var step: EscalationStep
    public var audience: Set<EscalationAudience>
    public var active: Bool

    public init(
        _ trigger: EscalationTrigger, stage: SLAStage? = nil, from: Int = 1, step: EscalationStep,
        audience: Set<EscalationAudience> = [], active: Bool = true
    ) {
        self.trigger = trigger
        self.stage = stage
        self.from = from
        self.step = step
        self.audience = audience
        self.active = active
    }

    /// The occurrences a rule may start from: the first to the ninth alert.
    public static let occurrences = 1...9

    /// What a new installation starts with (超时自动督办, 二次超时领导督办): a warning reminds the unit; a first breach
    /// is supervised; a second and every later breach is supervised in the leaders' name and the leaders are told.
    /// The supervisors hear of every breach from the SLA sweep already, so no default tells them twice.
    public static let defaults: [EscalationRule] = [
        .init(.warning, step: .remind),
        .init(.breach, step: .supervise),
        .init(.breach, from: 2, step: .leaderSupervise, audience: [.leaders]),
    ]
}

/// Chooses the rule for one alert: among the active rules of the alert's trigger whose stage is the alert's or
/// any, and whose `from` is not above the occurrence, the one with the highest `from`; at equal `from`, the one
/// naming the stage wins over the one for any stage. No rule, no step.
public enum EscalationPlan {
    public static func rule(
        for trigger: EscalationTrigger, stage: SLAStage, occurrence: Int, in rules: [EscalationRule]
    ) -> EscalationRule? {
        rules.filter { $0.active && $0.trigger == trigger && ($0.stage == nil || $0.stage == stage) && $0.from <= occurrence }
            .max { lhs, rhs in
                if lhs.from != rhs.from { return lhs.from < rhs.from }
                return lhs.stage == nil && rhs.stage != nil
            }
    }

    /// Why a set of rules cannot be saved: two active rules for the same trigger, stage and occurrence would
    /// leave the choice to chance. Returns the index of the first rule that repeats an earlier one.
    public static func firstConflict(in rules: [EscalationRule]) -> Int? {
        var seen = Set<String>()
        for (index, rule) in rules.enumerated() where rule.active {
            let key = "\(rule.trigger.rawValue)|\(rule.stage?.rawValue ?? "*")|\(rule.from)"
            if !seen.insert(key).inserted { return index }
        }
        return nil
    }

    /// The note the step writes in the order's timeline, in Chinese as the timeline keeps it.
    public static func note(step: EscalationStep, trigger: EscalationTrigger, stage: SLAStage, occurrence: Int) -> String {
        let what = trigger == .warning ? "即将超时" : "已超时"
        let nth = occurrence > 1 ? "（第\(occurrence)次）" : ""
        switch step {
        case .remind: return "系统催办：\(stage.title(english: false))环节\(what)\(nth)"
        case .supervise: return "超时自动督办：\(stage.title(english: false))环节\(what)\(nth)"
        case .leaderSupervise: return "领导督办：\(stage.title(english: false))环节\(what)\(nth)，请加快办理"
        }
    }
}
