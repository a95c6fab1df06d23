import Vapor

/// Order history brought from another system (历史工单导入): `lianxin import orders FILE.csv`.
enum HistoryFeature: LianxinFeature {
    static func routes(_ app: Application) throws {}
    static let openAPIPaths: [(String, JSONValue)] = []
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { FeatureCommands(imports: ["orders": ImportOrdersCommand()]) }
}
