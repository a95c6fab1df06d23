import Vapor

/// The dispatch catalogue (派单目录): the category tree, its versions, department roles and each
/// division's role → unit mapping — API, pages, CSV import and export.
enum CatalogueFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: CatalogueController())
        try app.register(collection: CataloguePagesController())
        try app.register(collection: SLAPolicyPagesController())
    }

    static let openAPIPaths = CatalogueOpenAPI.paths
    static let openAPISchemas = CatalogueOpenAPI.schemas
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands {
        FeatureCommands(
            imports: [
                "categories": CatalogueCommands.Import(), "category-roles": CatalogueCommands.ImportRoles(),
                "category-attributes": CatalogueCommands.ImportAttributes(),
            ],
            exports: [
                "categories": CatalogueCommands.Export(), "category-roles": CatalogueCommands.ExportRoles(),
                "category-attributes": CatalogueCommands.ExportAttributes(),
            ])
    }
}
