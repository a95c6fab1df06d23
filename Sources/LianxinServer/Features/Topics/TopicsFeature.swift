import Vapor

/// 每月一题 (#19): each month a problem class — a category of requests in a division, from a hotspot or chosen by a
/// leader — taken up with tasks for units and deadlines, judged by the volume of requests of that class before and
/// after, and closed with a summary.
enum TopicsFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: TopicsController())
        try app.register(collection: TopicPagesController())
    }

    static let openAPIPaths = TopicsOpenAPI.paths
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
