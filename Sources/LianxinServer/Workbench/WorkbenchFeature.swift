import Vapor
import Fluent

/// The feature for the staff workbench pages (受理台, 派单队列, 我的工单, order detail, 督办, grid map)
/// and the resident pages under /p/. The pages call the same services as the API.
enum WorkbenchFeature: LianxinFeature {
    static let migrations: [any Migration] = []

    static func routes(_ app: Application) throws {
        let maxBody = ByteCount(integerLiteral: app.lianxin.settings.maxUploadBytes + 65_536)
        app.storage[GridMapCache.Key.self] = GridMapCache()
        try app.register(collection: OrderPagesController(maxBody: maxBody))
        try app.register(collection: DeskPagesController(maxBody: maxBody))
        try app.register(collection: ResidentPagesController(maxBody: maxBody))
        try app.register(collection: GridPagesController())
        try app.register(collection: AdminPagesController())
        try app.register(collection: WhistlePagesController())
    }

    static let openAPIPaths: [(String, JSONValue)] = []

    static let openAPISchemas: [(String, JSONValue)] = []
}
