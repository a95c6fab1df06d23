import Vapor

/// 来电人标记 (#19): marks on callers — 恶意诉求, 无理诉求, 频繁来电, 特殊关爱 — proposed from an order by whoever
/// handled the caller, approved by the hotline centre, lapsing on their date; the desk warns the operator when a
/// marked number calls again.
enum RequesterMarksFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: RequesterMarksController())
        try app.register(collection: RequesterMarkPagesController())
    }

    static let openAPIPaths = RequesterMarksOpenAPI.paths
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
