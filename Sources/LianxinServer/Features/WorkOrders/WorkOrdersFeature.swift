import Vapor

/// 接诉即办: work orders from intake to closed — the API, the staff pages (受理台, 派单队列, 我的工单,
/// the order page, 督办) and the residents' pages under /p/ — with their SLA clocks and notifications.
enum WorkOrdersFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        let maxBody = ByteCount(integerLiteral: app.lianxin.settings.maxUploadBytes + 65_536)
        try app.register(collection: WorkOrdersController())
        try app.register(collection: PublicTrackingController())
        try app.register(collection: IntakeSuggestionsController())
        try app.register(collection: ReturnReasonsController())
        try app.register(collection: EscalationRulesPagesController())
        try app.register(collection: OrderPagesController(maxBody: maxBody))
        try app.register(collection: DeskPagesController(maxBody: maxBody))
        // The residents' pages take a public photo at most: anything bigger is refused before it is read.
        let publicBody = ByteCount(integerLiteral: app.lianxin.settings.exposure.publicPhotoBytes + 65_536)
        try app.register(collection: ResidentPagesController(maxBody: publicBody))
    }

    static let openAPIPaths = WorkOrdersOpenAPI.paths
    static let openAPISchemas = WorkOrdersOpenAPI.schemas
    static let jobs: [LianxinJob] = [
        LianxinJob("work-orders.sla-sweep", every: .seconds(5)) { app in
            try await SLASweep.sweep(app, instance: SLASweep.instance)
        },
        LianxinJob("work-orders.escalate", every: .seconds(5)) { app in
            try await EscalationJob.run(app)
        },
    ]
    static var commands: FeatureCommands { .none }
}
