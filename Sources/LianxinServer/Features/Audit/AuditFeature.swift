import Vapor

/// The audit log (安全审计): every security-relevant action and read of personal data, for auditors.
enum AuditFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: AuditController())
    }

    static let openAPIPaths = AuditOpenAPI.paths
    static let openAPISchemas = AuditOpenAPI.schemas
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { FeatureCommands(commands: ["audit": AuditCommands()], exports: ["audit": ExportCommands.Audit()]) }
}
