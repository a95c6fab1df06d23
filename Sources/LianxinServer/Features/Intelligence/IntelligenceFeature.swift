import Vapor

/// The category classifier and hotspot detection (热点).
enum IntelligenceFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: ClassifierController())
        try app.register(collection: HotspotsController())
    }

    static let openAPIPaths = IntelligenceOpenAPI.paths
    static let openAPISchemas = IntelligenceOpenAPI.schemas
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { FeatureCommands(commands: ["train": TrainCommand(), "classifier": ClassifierCommands(), "hotspots": HotspotsCommand()]) }
}
