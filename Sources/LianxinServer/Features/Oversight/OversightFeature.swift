import Vapor

/// 小微权力监督 (#24): 监督一点通 — residents' confidential reports about officials' conduct, read and handled by the
/// discipline commission only (role `disciplineInspector`), leaders seeing counts only; and 巡察移交 — problems an
/// inspection group (role `inspectionGroup`) finds, handed to a township or village for 立行立改 with a deadline, the
/// township's reply with its proof, the group's acceptance or return; and 义务监督员 — volunteer supervisors (银发监督队)
/// attached to projects, their inspections, the responsible unit's answers.
enum OversightFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: OversightController())
        try app.register(collection: OversightPagesController())
        try app.register(collection: OversightPublicController())
        try app.register(collection: SupervisionController())
        try app.register(collection: SupervisionPagesController())
    }

    static let openAPIPaths = OversightOpenAPI.paths + OversightOpenAPI.projectPaths
    static let openAPISchemas: [(String, JSONValue)] = []
    static let jobs: [LianxinJob] = []
    static var commands: FeatureCommands { .none }
}
