import Vapor

/// Grid management (网格化): grids and their versions, grid changes (三上三下), grid staff, the grid map.
enum GridsFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        app.storage[GridMapCache.Key.self] = GridMapCache()
        let geoJSONBytes = app.lianxin.settings.exposure.importGeoJSONBytes
        try app.register(collection: GridsController(geoJSONBytes: geoJSONBytes))
        try app.register(collection: GridChangesController(geoJSONBytes: geoJSONBytes))
        try app.register(collection: GridStaffController())
        try app.register(collection: GridPagesController())
    }

    static let openAPIPaths = GridsOpenAPI.paths
    static let openAPISchemas = GridsOpenAPI.schemas
    static let jobs: [LianxinJob] = [
        LianxinJob("grids.apply-changes", every: .seconds(30)) { app in
            try await GridChangeApplier.applyDue(app)
        }
    ]
    static var commands: FeatureCommands {
        FeatureCommands(imports: ["grids": ImportCommands.Grids(), "basemap": ImportCommands.Basemap()], exports: ["grids": ExportCommands.Grids()])
    }
}
