import Fluent
import Foundation
import LianxinCore
import SQLKit

/// The escalation rules (升级规则), filled with `EscalationRule.defaults`, and the mark each fired SLA alert gets
/// once its rule has been applied. Alerts that fired before this migration count as applied, so an upgrade does
/// not supervise old orders all at once.
struct CreateEscalationRules: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EscalationRuleRecord.schema)
            .id()
            .field("trigger", .string, .required)
            .field("stage", .string)
            .field("from_occurrence", .int, .required)
            .field("step", .string, .required)
            .field("audience", .string, .required)
            .field("active", .bool, .required)
            .field("position", .int, .required)
            .field("updated_at", .datetime, .required)
            .create()
        let now = Date()
        for (index, rule) in EscalationRule.defaults.enumerated() {
            try await EscalationRuleRecord(rule, position: (index + 1) * 10, at: now).create(on: database)
        }
        try await database.schema(SLAAlert.schema).field("escalated_at", .datetime).update()
        try await database.sql.raw("UPDATE sla_alerts SET escalated_at = fired_at WHERE fired_at IS NOT NULL").run()
        try await database.sql.raw(
            "CREATE INDEX sla_alerts_unescalated ON sla_alerts (fired_at) WHERE fired_at IS NOT NULL AND escalated_at IS NULL"
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP INDEX IF EXISTS sla_alerts_unescalated").run()
        try await database.schema(SLAAlert.schema).deleteField("escalated_at").update()
        try await database.schema(EscalationRuleRecord.schema).delete()
    }
}
