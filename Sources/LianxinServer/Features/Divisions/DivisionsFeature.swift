import Vapor

/// Administrative divisions (行政区划): the tree every scope is cut from, its import and export.
enum DivisionsFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: DivisionsController())
    }

    static let openAPIPaths = DivisionsOpenAPI.paths
    static let openAPISchemas = DivisionsOpenAPI.schemas
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands {
        FeatureCommands(imports: ["divisions": ImportCommands.Divisions()], exports: ["divisions": ExportCommands.Divisions()])
    }
}
