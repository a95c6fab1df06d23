import Vapor

/// The security administrator's pages (三员分立): accounts in scope with unlock, second factor, password and role
/// actions; the changes to administrator accounts awaiting the system administrator's approval; API tokens,
/// Open311 keys and webhook secrets. Every action is audited.
enum SecurityAdminFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: SecurityAccountsController())
        try app.register(collection: AdministratorRequestsController())
        try app.register(collection: SecurityCredentialsController())
    }

    static let openAPIPaths: [(String, JSONValue)] = []
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { FeatureCommands(commands: [:]) }
}
