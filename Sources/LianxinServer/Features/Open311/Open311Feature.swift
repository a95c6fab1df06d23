import Vapor

/// Open311 GeoReport v2: services, definitions and requests in JSON and XML, with API keys.
enum Open311Feature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: Open311Controller(maxUploadBytes: app.lianxin.settings.exposure.publicPhotoBytes))
    }

    static let openAPIPaths: [(String, JSONValue)] = []
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { FeatureCommands(commands: ["open311": Open311Commands()]) }
}
