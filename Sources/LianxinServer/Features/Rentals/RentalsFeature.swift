import Vapor

/// Rental units and tenant check-in (人来即管、人走即清), and the visit tasks they raise.
enum RentalsFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: RentalUnitsController())
        try app.register(collection: CheckInPagesController())
        try app.register(collection: VisitTasksController())
    }

    static let openAPIPaths = RentalsOpenAPI.paths
    static let openAPISchemas = RentalsOpenAPI.schemas
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
