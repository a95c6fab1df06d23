import Fluent
import Foundation
import LianxinCore

/// One stored escalation rule (升级规则): the data behind `EscalationRule`, in the order the centre lists them.
final class EscalationRuleRecord: Model, @unchecked Sendable {
    static let schema = "escalation_rules"

    @ID(key: .id) var id: UUID?
    @Field(key: "trigger") var trigger: String
    /// The stage the rule is for; nil for every stage.
    @OptionalField(key: "stage") var stage: String?
    @Field(key: "from_occurrence") var from: Int
    @Field(key: "step") var step: String
    /// The audiences told besides the unit, comma-separated (`EscalationAudience` raw values).
    @Field(key: "audience") var audience: String
    @Field(key: "active") var active: Bool
    @Field(key: "position") var position: Int
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ rule: EscalationRule, position: Int, at: Date) {
        trigger = rule.trigger.rawValue
        stage = rule.stage?.rawValue
        from = rule.from
        step = rule.step.rawValue
        audience = rule.audience.map(\.rawValue).sorted().joined(separator: ",")
        active = rule.active
        self.position = position
        updatedAt = at
    }

    /// The rule it stores; nil for a row no longer understood (it then never applies).
    var rule: EscalationRule? {
        guard let trigger = EscalationTrigger(rawValue: trigger), let step = EscalationStep(rawValue: step) else { return nil }
        let stage: SLAStage?
        if let code = self.stage {
            guard let known = SLAStage(rawValue: code) else { return nil }
            stage = known
        } else {
            stage = nil
        }
        let audience = Set(audience.split(separator: ",").compactMap { EscalationAudience(rawValue: String($0)) })
        return EscalationRule(trigger, stage: stage, from: from, step: step, audience: audience, active: active)
    }

    /// Every stored rule, in the centre's order.
    static func all(on db: any Database) async throws -> [EscalationRule] {
        try await query(on: db).sort(\.$position).all().compactMap(\.rule)
    }
}
