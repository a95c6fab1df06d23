import Fluent
import LianxinCore
import Vapor

/// `/admin/notifications`: who gets what, as an administrator edits it — one box per event, audience and
/// channel — with the outbox's counts and which channels are set up (never their credentials).
struct NotificationRulesPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "notifications", use: show)
        routes.post("admin", "notifications", use: save)
    }

    struct Row: Encodable, Sendable {
        let event: String
        let cells: [Cell]
    }

    struct Cell: Encodable, Sendable {
        let name: String
        let label: String
        let on: Bool
    }

    struct Model: Encodable, Sendable {
        let rows: [Row]
        let counts: [SelectOption]
        let channels: [SelectOption]
        let notice: String
    }

    /// Every deliverable combination, in a fixed order.
    static let combinations: [NotificationRule] = NotificationEvent.allCases.flatMap { event in
        NotificationAudience.allCases.flatMap { audience in NotificationChannel.allCases.map { NotificationRule(event, audience, $0) } }
    }.filter(\.isDeliverable)

    static func key(_ rule: NotificationRule) -> String { "\(rule.event.rawValue).\(rule.audience.rawValue).\(rule.channel.rawValue)" }

    func show(req: Request) async throws -> Response {
        _ = try await req.require(.manageRules)
        let enabled = Set(
            try await NotificationRuleRecord.query(on: req.db).filter(\.$enabled == true).all().map { "\($0.event).\($0.audience).\($0.channel)" })
        let rows = NotificationEvent.allCases.map { event in
            Row(
                event: req.t("notify_event_\(event.rawValue)"),
                cells: Self.combinations.filter { $0.event == event }.map { rule in
                    Cell(
                        name: Self.key(rule),
                        label: req.t("notify_audience_\(rule.audience.rawValue)") + " · " + req.t("notify_channel_\(rule.channel.rawValue)"),
                        on: enabled.contains(Self.key(rule)))
                })
        }
        let counts = try await NotificationQueries.statusCounts(on: req.db)
        let settings = req.lianxin.settings.notifications
        let configured: [(String, Bool)] = [
            ("sms", settings.smsProvider != .none), ("wecomRobot", !settings.wecomRobotURL.value.isEmpty),
            ("dingtalkRobot", !settings.dingtalkRobotURL.value.isEmpty), ("inbox", true), ("webhook", true),
        ]
        let model = Model(
            rows: rows,
            counts: ["pending", "sent", "failed", "skipped"].map {
                SelectOption(value: String(counts[$0] ?? 0), label: req.t("notify_status_\($0)"))
            },
            channels: configured.map {
                SelectOption(
                    value: req.t($0.1 ? "notify_configured" : "notify_not_configured"), label: req.t("notify_channel_\($0.0)"), selected: $0.1)
            },
            notice: req.query[String.self, at: "saved"] != nil ? req.t("notify_rules_saved") : "")
        return try await req.page("notifications/rules", title: "notify_rules_title", model: model)
    }

    /// Saves every box at once, in one transaction, and audits the change.
    func save(req: Request) async throws -> Response {
        let principal = try await req.require(.manageRules)
        let form = (try? req.content.decode([String: String].self)) ?? [:]
        let wanted = Set(Self.combinations.map(Self.key).filter { form[$0] == "on" })
        let now = req.lianxin.now()
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                let existing = try await NotificationRuleRecord.query(on: db).all()
                for rule in Self.combinations {
                    let key = Self.key(rule)
                    let row =
                        existing.first { "\($0.event).\($0.audience).\($0.channel)" == key }
                        ?? {
                            let row = NotificationRuleRecord()
                            row.event = rule.event.rawValue
                            row.audience = rule.audience.rawValue
                            row.channel = rule.channel.rawValue
                            row.enabled = false
                            return row
                        }()
                    guard row.id == nil || row.enabled != wanted.contains(key) else { continue }
                    row.enabled = wanted.contains(key)
                    row.updatedAt = now
                    try await row.save(on: db)
                }
                try await AuditLog.record(
                    .settingsChanged, result: .success, actor: principal.auditActor, target: "notification-rules",
                    detail: wanted.sorted().joined(separator: ","), at: now, on: db)
            }
        }
        return req.redirect(to: "/admin/notifications?saved=1")
    }
}
