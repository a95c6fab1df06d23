import Vapor

/// Every feature of the product, in registration order. A new area adds its `<Area>Feature` here
/// (and its migrations to `MigrationHistory`); see docs/architecture.md.
enum LianxinFeatures {
    static let all: [any LianxinFeature.Type] = [
        AccountsFeature.self,
        SecurityAdminFeature.self,
        AuditFeature.self,
        DivisionsFeature.self,
        RulesFeature.self,
        UnitsFeature.self,
        CatalogueFeature.self,
        WorkOrdersFeature.self,
        KnowledgeFeature.self,
        WorklistsFeature.self,
        AttachmentsFeature.self,
        Open311Feature.self,
        WebhooksFeature.self,
        WhistlesFeature.self,
        IntelligenceFeature.self,
        GridsFeature.self,
        PeopleFeature.self,
        VisitsFeature.self,
        PairingsFeature.self,
        RentalsFeature.self,
        DashboardsFeature.self,
        HistoryFeature.self,
        CommunityServicesFeature.self,
        EngagementFeature.self,
        OperationsFeature.self,
        SetupFeature.self,
        MedicalInsuranceFeature.self,
        TalentFeature.self,
        PartyBuildingFeature.self,
        NewEmploymentFeature.self,
        CanteensFeature.self,
        FarmAidFeature.self,
        OversightFeature.self,
        LeaderDutyFeature.self,
        AssetsFeature.self,
        FieldworkFeature.self,
        NotificationsFeature.self,
        RequesterMarksFeature.self,
        TopicsFeature.self,
        DemoFeature.self,
    ]

    static var openAPIPaths: [(String, JSONValue)] { all.flatMap { $0.openAPIPaths } }
    static var openAPISchemas: [(String, JSONValue)] { all.flatMap { $0.openAPISchemas } }
    static var jobs: [LianxinJob] { all.flatMap { $0.jobs } }

    static func routes(_ app: Application) throws {
        for feature in all { try feature.routes(app) }
    }
}
