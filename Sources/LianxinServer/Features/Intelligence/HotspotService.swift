import Vapor
import Fluent
import SQLKit
import LianxinCore

/// 未诉先办: finds hotspots among recent orders, keeps them with their explanation, and turns one
/// into a proactive task routed like any order.
enum HotspotService {
    /// The stored parameters (`intelligence_parameters`, name `hotspots`).
    struct Settings: Content, Sendable, Equatable {
        /// Clustering: radius, minimum orders, window, per category, trend threshold, samples.
        var detection: HotspotParameters
        /// How often the `serve` loop runs a pass, in minutes.
        var intervalMinutes: Int

        static let defaults = Settings(detection: HotspotParameters(), intervalMinutes: 60)

        /// Records every out-of-range value, each under its field.
        func check(_ checks: inout InputValidator) {
            let d = detection
            checks.expect(d.radiusMeters.isFinite && (10...5000).contains(d.radiusMeters), "/detection/radiusMeters", "10–5000 metres")
            checks.expect((2...1000).contains(d.minimumOrders), "/detection/minimumOrders", "2–1000 orders")
            checks.expect(d.windowHours.isFinite && (1...8784).contains(d.windowHours), "/detection/windowHours", "1–8784 hours")
            checks.expect(d.trendThreshold.isFinite && (0...10).contains(d.trendThreshold), "/detection/trendThreshold", "0–10")
            checks.expect((1...50).contains(d.sampleSize), "/detection/sampleSize", "1–50")
            checks.expect((5...10_080).contains(intervalMinutes), "/intervalMinutes", "5–10080 minutes")
        }
    }

    static let parametersName = "hotspots"

    /// The parameters in force (the defaults until someone changes them).
    static func settings(on db: any Database) async throws -> Settings {
        guard let row = try await IntelligenceParameters.find(parametersName, on: db),
            let settings = try? JSONDecoder().decode(Settings.self, from: Data(row.value.utf8))
        else { return .defaults }
        return settings
    }

    /// Stores new parameters, audited; 422 naming the field when a value is out of range.
    static func save(_ settings: Settings, by actor: AuditActor, app: Application) async throws {
        var checks = InputValidator(app.lianxin.localizer)
        settings.check(&checks)
        try checks.finish()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let value = String(decoding: try encoder.encode(settings), as: UTF8.self)
        let now = app.lianxin.now()
        try await app.lianxin.writes.run {
            try await app.db.transaction { db in
                let row =
                    try await IntelligenceParameters.find(parametersName, on: db)
                    ?? {
                        let row = IntelligenceParameters()
                        row.id = parametersName
                        return row
                    }()
                row.value = value
                row.updatedAt = now
                row.updatedBy = actor.name
                try await row.save(on: db)
                try await AuditLog.record(
                    .settingsChanged, result: .success, actor: actor, target: "parameters:\(parametersName)",
                    detail: value, at: now, on: db)
            }
        }
    }

    /// The smallest division containing every code.
    static func commonDivision(of codes: [String]) -> String {
        let parsed = codes.compactMap(DivisionCode.init)
        return (DivisionCode.smallestContaining(parsed) ?? parsed.first)?.value ?? codes.first ?? ""
    }

    static func decodeIDs(_ text: String) -> [UUID] {
        JSONColumn.list(String.self, from: text).compactMap(UUID.init(uuidString:))
    }
}
