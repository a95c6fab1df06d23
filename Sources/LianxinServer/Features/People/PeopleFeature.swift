import Vapor

/// The resident registry: buildings, households, residents and their tags; import and export.
enum PeopleFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: ResidentsController(csvBytes: app.lianxin.settings.exposure.importCSVBytes))
    }

    static let openAPIPaths = PeopleOpenAPI.paths
    static let openAPISchemas = PeopleOpenAPI.schemas
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands {
        FeatureCommands(imports: ["residents": ImportResidentsCommand()], exports: ["residents": ExportResidentsCommand()])
    }
}
