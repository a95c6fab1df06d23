import Vapor

/// New-employment groups in the grid (#24, 新就业群体): delivery riders and couriers registered as part-time grid
/// members by platform, station and team, their 随手拍 reports counted, the growth path 最美小哥 → 兼职网格员 →
/// 专职网格员 → 社区工作者, and the tuition subsidy of the 虔新小哥学院 with its checks and public notice.
enum NewEmploymentFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: NewEmploymentController())
        try app.register(collection: NewEmploymentPagesController())
    }

    static let openAPIPaths = NewEmploymentOpenAPI.paths
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
