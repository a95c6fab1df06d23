import Foundation

/// Settings of accounts and access (#16): how long bearer tokens live, how many browser sessions an account
/// may hold at once, and who may read `/metrics`.
public struct AccessSettings: Sendable, Equatable {
    /// Days a new bearer token works.
    public var tokenLifetimeDays = 90
    /// Browser sessions one account may hold at once; signing in again ends the oldest.
    public var maxSessionsPerUser = 3
    /// The bearer token a metrics scraper presents; without one, `/metrics` answers loopback peers only.
    public var metricsToken: String?
    /// Seconds a principal resolved from a session or token is reused without reading the database (0: never).
    public var authCacheSeconds = 10

    public init() {}

    public static let documented: [LianxinSettings.Documented] = [
        .init(variable: "LIANXIN_TOKEN_DAYS", defaultValue: "90", meaning: "days a new API token works (1–366)"),
        .init(
            variable: "LIANXIN_MAX_SESSIONS", defaultValue: "3",
            meaning: "browser sessions one account may hold at once (1–20); signing in again ends the oldest"),
        .init(
            variable: "LIANXIN_AUTH_CACHE_SECONDS", defaultValue: "10",
            meaning:
                "seconds a signed-in session or API token is trusted without reading the database (0–60; 0 reads it on every request). A sign-out, revocation, disabled account or changed role applies at once on the instance that made it and within a second on the others"
        ),
        .init(
            variable: "LIANXIN_METRICS_TOKEN", defaultValue: "(none)",
            meaning:
                "at least 24 characters; `/metrics` then answers `Authorization: Bearer` with it. Without it, `/metrics` answers only connections from loopback"
        ),
    ]

    /// Reads the settings through `value` (the environment, trimmed, nil when empty).
    static func load(_ value: (String) -> String?) throws -> AccessSettings {
        var settings = AccessSettings()
        func int(_ name: String, _ range: ClosedRange<Int>, _ fallback: Int) throws -> Int {
            guard let text = value(name) else { return fallback }
            guard let number = Int(text), range.contains(number) else {
                throw LianxinSettings.Problem.invalid(
                    variable: name, value: text, reason: "expected a whole number in \(range.lowerBound)…\(range.upperBound)")
            }
            return number
        }
        settings.tokenLifetimeDays = try int("LIANXIN_TOKEN_DAYS", 1...366, settings.tokenLifetimeDays)
        settings.maxSessionsPerUser = try int("LIANXIN_MAX_SESSIONS", 1...20, settings.maxSessionsPerUser)
        settings.authCacheSeconds = try int("LIANXIN_AUTH_CACHE_SECONDS", 0...60, settings.authCacheSeconds)
        if let token = value("LIANXIN_METRICS_TOKEN") {
            guard token.utf8.count >= 24 else {
                throw LianxinSettings.Problem.invalid(variable: "LIANXIN_METRICS_TOKEN", value: "(hidden)", reason: "must be at least 24 characters")
            }
            settings.metricsToken = token
        }
        return settings
    }
}
