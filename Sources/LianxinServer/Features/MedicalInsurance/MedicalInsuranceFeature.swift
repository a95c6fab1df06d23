import Vapor

/// Medical-insurance fund supervision (#22, 医保基金监管): designated institutions and responsible
/// persons, settlements imported in the published columns with patient IDs sealed, screening rules
/// as data raising leads, the pre-audit API, review (人工复核), recoveries, points (记分管理) and a dashboard.
enum MedicalInsuranceFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: MedicalInsuranceController())
        try app.register(collection: InsurancePagesController())
        try app.register(collection: InsurancePointsPagesController())
        try app.register(collection: StationTasksController())
        try app.register(collection: StationPagesController())
        try app.register(collection: StationLedgerPagesController())
        try app.register(collection: InsuranceImportPagesController())
        try app.register(collection: InsuranceRulesPagesController())
    }

    static let openAPIPaths = MedicalInsuranceOpenAPI.paths
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands {
        FeatureCommands(
            commands: ["screen-settlements": InsuranceCommands.Screen()],
            imports: [
                "institutions": InsuranceCommands.ImportRegistry(kind: .institutions),
                "insurance-persons": InsuranceCommands.ImportRegistry(kind: .persons),
                "settlements": InsuranceCommands.ImportSettlements(), "screening-rules": ScreeningRuleSettings.Command(),
            ])
    }
}
