import Vapor

/// The knowledge base (知识库): entries written by units and approved by the hotline centre, searched at the desk.
enum KnowledgeFeature: LianxinFeature {
    static func routes(_ app: Application) throws {
        try app.register(collection: KnowledgeController())
        try app.register(collection: KnowledgePagesController())
    }

    static let openAPIPaths = KnowledgeOpenAPI.paths
    static let openAPISchemas = KnowledgeOpenAPI.schemas
    static let jobs: [LianxinJob] = [KnowledgeReminders.job]
    static var commands: FeatureCommands { FeatureCommands(commands: ["knowledge": KnowledgeCommand()]) }
}
