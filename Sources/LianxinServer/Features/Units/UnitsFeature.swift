import Vapor

/// Handling units (承办单位): a county keeps its own — API, pages, CSV import and export.
enum UnitsFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: UnitsController())
        try app.register(collection: UnitsPagesController())
    }

    static let openAPIPaths = UnitsOpenAPI.paths
    static let openAPISchemas = UnitsOpenAPI.schemas
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands {
        FeatureCommands(imports: ["departments": UnitCommands.Import()], exports: ["departments": UnitCommands.Export()])
    }
}
