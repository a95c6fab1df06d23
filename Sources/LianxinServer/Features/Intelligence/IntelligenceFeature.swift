import Vapor

/// The category classifier and hotspot detection (热点).
enum IntelligenceFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: ClassifierController())
        try app.register(collection: HotspotsController())
    }

    static let openAPIPaths = IntelligenceOpenAPI.paths
    static let openAPISchemas = IntelligenceOpenAPI.schemas
    static let jobs: [LianxinJob] = [
        // Switch to a newer classifier model when another instance (or `lianxin train`) stored one.
        LianxinJob("intelligence.classifier-refresh", every: .seconds(30)) { app in
            try await app.lianxin.classifier.refresh(on: app.db)
        },
        // The hotspot pass of the current slot, when no instance has run it yet.
        LianxinJob("intelligence.hotspots", every: .seconds(30)) { app in
            if let run = try await HotspotService.runScheduled(app: app) {
                app.logger.info(
                    "hotspot pass",
                    metadata: [
                        "hotspots": "\(run.hotspotCount)", "orders": "\(run.orderCount)",
                        "ms": "\(Int(run.durationMilliseconds))",
                    ])
            }
        },
    ]
    static var commands: FeatureCommands {
        FeatureCommands(commands: ["train": TrainCommand(), "classifier": ClassifierCommands(), "hotspots": HotspotsCommand()])
    }
}
