import Vapor
import Fluent
import LianxinCore

/// The classifier for administrators: which model is in use, training from this deployment's closed
/// orders, importing a model file, disabling a version.
struct ClassifierController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "classifier")
        api.get(use: status)
        api.post("training", use: train)
        api.on(.POST, "models", body: .collect(maxSize: "64mb"), use: importModel)
        api.patch("models", ":version", use: update)
    }

    struct ModelDTO: Content {
        var version: Int
        var createdAt: Date
        var source: String
        var exampleCount: Int
        var labels: [String]
        var macroF1: Double?
        var sha256: String
        var size: Int
        var disabled: Bool

        init(_ row: ClassifierModelRecord) {
            version = row.version
            createdAt = row.createdAt
            source = row.source
            exampleCount = row.exampleCount
            labels = row.labels.split(separator: "|").map(String.init)
            macroF1 = row.macroF1
            sha256 = row.sha256
            size = row.size
            disabled = row.disabled
        }
    }

    struct Rejection: Content { var version: Int; var reason: String }

    struct Status: Content {
        /// The model this instance uses (0: the shipped cold-start model).
        var version: Int
        var source: String
        var createdAt: Date
        var trainingExampleCount: Int
        var featureCount: Int
        var labels: [String]
        /// Stored versions this instance refused to load, with the reason.
        var rejected: [Rejection]
        /// Operators' corrections waiting for the next training.
        var corrections: Int
        var models: [ModelDTO]
    }

    func status(req: Request) async throws -> Status {
        _ = try await req.require(.manageRules)
        let registry = req.lianxin.classifier
        try await registry.refresh(on: req.db)
        let active = try await registry.current(on: req.db)
        let rows = try await ClassifierModelRecord.query(on: req.db).sort(\.$version, .descending)
            .field(\.$id).field(\.$version).field(\.$createdAt).field(\.$source).field(\.$exampleCount).field(\.$labels)
            .field(\.$macroF1).field(\.$sha256).field(\.$size).field(\.$disabled).all()
        return Status(
            version: active.version, source: active.source, createdAt: active.model.createdAt,
            trainingExampleCount: active.model.trainingExampleCount, featureCount: active.model.featureCount,
            labels: active.model.labels,
            rejected: await registry.rejected.sorted { $0.key > $1.key }.map { Rejection(version: $0.key, reason: $0.value) },
            corrections: try await ClassificationCorrection.query(on: req.db).count(),
            models: rows.map(ModelDTO.init))
    }
}
