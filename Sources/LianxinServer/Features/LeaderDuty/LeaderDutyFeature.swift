import Vapor

/// Leaders on duty (#24): 我陪群众走流程 (上饶: county leaders at the service windows as applicants and as staff, the
/// problems they find rectified by owner units by a deadline) and 三高包保 (萍乡: city leaders own high-risk matters,
/// county leaders high-frequency requests, township leaders high-incidence problems, with their orders' trend and tasks).
enum LeaderDutyFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: LeaderDutyController())
        try app.register(collection: LeaderDutyPagesController())
        try app.register(collection: ThreeHighsPagesController())
    }

    static let openAPIPaths = LeaderDutyOpenAPI.paths
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
