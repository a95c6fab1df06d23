import Vapor
import Fluent

/// The feature for community services (service menu and orders, 微心愿, volunteers and points, service stations).
enum CommunityServicesFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        let maxUploadBytes = app.lianxin.settings.maxUploadBytes
        try app.register(collection: ServiceOrdersController())
        try app.register(collection: WishesController(maxUploadBytes: maxUploadBytes))
        try app.register(collection: VolunteersController())
        try app.register(collection: ActivitiesController())
        try app.register(collection: ExchangeController())
        try app.register(collection: StationsController())
        try app.register(collection: CountsController())
        try app.register(collection: CommunityPagesController())
        try app.register(collection: CommunityPublicPagesController())
        try app.register(collection: VolunteerLinkController())
    }

    static var openAPIPaths: [(String, JSONValue)] { CommunityServicesOpenAPI.paths }

    static var openAPISchemas: [(String, JSONValue)] { CommunityServicesOpenAPI.schemas }

    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
