import Vapor

/// Accounts: signing in and out, one's own account, and the administrators' account pages and API.
enum AccountsFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: AuthController())
        try app.register(collection: AccountController())
        try app.register(collection: UsersController())
    }

    static let openAPIPaths = AccountsOpenAPI.paths
    static let openAPISchemas = AccountsOpenAPI.schemas
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { FeatureCommands(commands: ["user": UserCommands()], imports: ["users": UserImportCommand()]) }
}
