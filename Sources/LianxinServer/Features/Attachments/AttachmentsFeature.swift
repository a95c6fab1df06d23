import Vapor

/// Photos and files attached to orders, stored on disk or in the database.
enum AttachmentsFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        let settings = app.lianxin.settings
        try app.register(
            collection: AttachmentsController(maxUploadBytes: settings.maxUploadBytes, publicPhotoBytes: settings.exposure.publicPhotoBytes))
    }

    static let openAPIPaths: [(String, JSONValue)] = []
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
