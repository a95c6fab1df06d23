import Vapor

/// An area of the product (a folder under `Features/`): it brings its routes, its part of
/// /openapi.json, its background jobs and its `lianxin` subcommands. Its migrations live in its
/// `Migrations/` folder and are registered, in the order they were written, in the one history in
/// `App/MigrationHistory.swift`. The composition root registers every feature of `LianxinFeatures.all`.
protocol LianxinFeature: Sendable {
    /// Registers its controllers (API handlers and pages).
    static func routes(_ app: Application) throws
    /// Its operations for /openapi.json.
    static var openAPIPaths: [(String, JSONValue)] { get }
    /// Its schemas for /openapi.json.
    static var openAPISchemas: [(String, JSONValue)] { get }
    /// Background work `serve` runs.
    static var jobs: [LianxinJob] { get }
    /// Its `lianxin` subcommands.
    static var commands: FeatureCommands { get }
}

/// The subcommands a feature adds to `lianxin`: its own top-level commands, and what it adds to
/// the shared `lianxin import …` and `lianxin export …` groups.
struct FeatureCommands {
    var commands: [String: any AnyAsyncCommand] = [:]
    var imports: [String: any AnyAsyncCommand] = [:]
    var exports: [String: any AnyAsyncCommand] = [:]

    /// No subcommands.
    static var none: FeatureCommands { FeatureCommands() }
}
