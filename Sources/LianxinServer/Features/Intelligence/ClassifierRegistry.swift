import Vapor
import Fluent
import Crypto
import LianxinCore

/// The category classifier this instance uses, and how it changes without a restart.
///
/// Models live in `classifier_models`; the instance uses the newest version that is not disabled
/// and decodes cleanly. `refresh` (called by the `serve` loop every half minute and right after an
/// in-process training) swaps to a newer one. A damaged model is logged, remembered and skipped:
/// the instance keeps the model it had. Until the deployment has trained its own, the model is the
/// cold-start one shipped in `Resources/Classifier/cold-start.lxcm` (version 0).
actor ClassifierRegistry {
    /// The model in use, with where it came from.
    struct Active: Sendable {
        let model: ClassifierModel
        /// 0 for the shipped cold-start model.
        let version: Int
        let source: String
    }

    /// What a refresh did.
    enum Outcome: Sendable, Equatable {
        case unchanged
        case swapped(version: Int)
    }

    private let resourcesDirectory: String
    private let logger: Logger
    private var active: Active?
    /// Stored versions that failed to decode, with the reason; never retried by this instance.
    private(set) var rejected: [Int: String] = [:]

    init(resourcesDirectory: String, logger: Logger = Logger(label: "lianxin.classifier")) {
        self.resourcesDirectory = resourcesDirectory
        self.logger = logger
    }

    /// The model to use now (loaded on first use).
    func current(on db: any Database) async throws -> Active {
        if let active { return active }
        try await refresh(on: db)
        if let active { return active }
        let shipped = try shippedModel()
        active = shipped
        return shipped
    }

    /// Switches to the newest usable stored model if it is not the one in use.
    @discardableResult
    func refresh(on db: any Database) async throws -> Outcome {
        let candidates = try await ClassifierModelRecord.query(on: db).filter(\.$disabled == false)
            .sort(\.$version, .descending).field(\.$id).field(\.$version).all()
        for candidate in candidates where rejected[candidate.version] == nil {
            if candidate.version == active?.version { return .unchanged }
            guard let record = try await ClassifierModelRecord.find(candidate.id, on: db) else { continue }
            do {
                let model = try ClassifierModel(encoded: record.data)
                active = Active(model: model, version: record.version, source: record.source)
                logger.notice("classifier model in use", metadata: ["version": "\(record.version)", "source": "\(record.source)"])
                return .swapped(version: record.version)
            } catch {
                rejected[record.version] = "\(error)"
                logger.error("classifier model rejected; keeping the model in use", metadata: [
                    "version": "\(record.version)", "error": "\(error)", "inUse": "\(active?.version ?? 0)",
                ])
            }
        }
        // Nothing stored is usable (none yet, or all disabled): the shipped model.
        if let current = active, current.version != 0 {
            active = try shippedModel()
            return .swapped(version: 0)
        }
        return .unchanged
    }

    /// The cold-start model Lianxin ships, or (if that file is missing or damaged) one trained
    /// from the shipped corpus on the spot.
    private func shippedModel() throws -> Active {
        let folder = (resourcesDirectory as NSString).appendingPathComponent("Classifier")
        let file = URL(fileURLWithPath: (folder as NSString).appendingPathComponent(Self.coldStartFile))
        do {
            return Active(model: try ClassifierModel.load(from: file), version: 0, source: "cold-start")
        } catch {
            logger.warning("shipped classifier model unusable; training one from the shipped corpus", metadata: ["error": "\(error)"])
            let corpus = URL(fileURLWithPath: (folder as NSString).appendingPathComponent(Self.corpusFile))
            let model = try ClassifierTrainer().train(on: try LabeledTextCSV.read(from: corpus))
            return Active(model: model, version: 0, source: "cold-start (trained at start)")
        }
    }

    /// The shipped cold-start model, built by `lianxin train --from Resources/Classifier/seed-corpus.csv --out …`.
    static let coldStartFile = "cold-start.lxcm"
    /// The shipped corpus (written for Lianxin) the cold-start model is trained on.
    static let corpusFile = "seed-corpus.csv"
}

/// Training from this deployment's data, and storing models.
enum ClassifierTraining {
    /// Labelled examples from the database: closed orders with their final category (by top-level
    /// name, the classifier's labels), the newest `limit` first, plus operators' corrections of
    /// orders not yet closed.
    static func examples(on db: any Database, catalog: ReferenceData.Catalog, limit: Int) async throws -> [LabeledText] {
        let closed = try await WorkOrder.query(on: db).filter(\.$status == WorkOrderStatus.closed.rawValue)
            .sort(\.$createdAt, .descending).limit(limit)
            .field(\.$id).field(\.$title).field(\.$description).field(\.$categoryCode).all()
        var seen = Set<UUID>()
        var examples: [LabeledText] = []
        for order in closed {
            guard let id = order.id, let label = topLevelName(of: order.categoryCode, in: catalog) else { continue }
            seen.insert(id)
            examples.append(LabeledText(text: order.title + " " + order.description, label: label))
        }
        for correction in try await ClassificationCorrection.query(on: db).sort(\.$at, .descending).all()
        where !seen.contains(correction.orderID) {
            examples.append(LabeledText(text: correction.text, label: correction.chosenLabel))
        }
        return examples
    }

    /// The shipped corpus, for deployments that want it mixed into their own examples.
    static func shippedExamples(resourcesDirectory: String) throws -> [LabeledText] {
        let path = ((resourcesDirectory as NSString).appendingPathComponent("Classifier") as NSString)
            .appendingPathComponent(ClassifierRegistry.corpusFile)
        return try LabeledTextCSV.read(from: URL(fileURLWithPath: path))
    }

    /// The name of the top-level category above `code` (the classifier's label).
    static func topLevelName(of code: String, in catalog: ReferenceData.Catalog) -> String? {
        var category = catalog.categories[code]
        var steps = 0
        while let parent = category?.parentCode, steps < 8 {
            category = catalog.categories[parent]
            steps += 1
        }
        return category?.name
    }

    /// Stores `model` as the next version (the file bytes, checksum and summary), audited.
    static func install(
        _ model: ClassifierModel, source: String, macroF1: Double?, by actor: AuditActor, app: Application
    ) async throws -> ClassifierModelRecord {
        let data = model.encoded()
        let record = ClassifierModelRecord()
        record.createdAt = app.lianxin.now()
        record.source = source
        record.exampleCount = model.trainingExampleCount
        record.labels = model.labels.joined(separator: "|")
        record.macroF1 = macroF1
        record.sha256 = Data(SHA256.hash(data: data)).hexString
        record.size = data.count
        record.data = data
        record.disabled = false
        record.createdBy = actor.name
        try await app.lianxin.writes.run {
            try await app.db.transaction { db in
                let newest = try await ClassifierModelRecord.query(on: db).max(\.$version) ?? 0
                record.version = newest + 1
                try await record.create(on: db)
                try await AuditLog.record(.settingsChanged, result: .success, actor: actor, target: "classifier:v\(record.version)",
                                          detail: "installed from \(source), \(model.trainingExampleCount) examples", at: record.createdAt, on: db)
            }
        }
        return record
    }
}

extension ClassifierTraining {
    /// Disables or re-enables a stored version, audited; 404 when there is no such version.
    static func setDisabled(_ disabled: Bool, version: Int, by actor: AuditActor, app: Application) async throws {
        try await app.lianxin.writes.run {
            try await app.db.transaction { db in
                guard let record = try await ClassifierModelRecord.query(on: db).filter(\.$version == version).first() else {
                    throw Problem.notFound("classifier model v\(version)")
                }
                record.disabled = disabled
                try await record.update(on: db)
                try await AuditLog.record(.settingsChanged, result: .success, actor: actor, target: "classifier:v\(version)",
                                          detail: disabled ? "disabled" : "enabled", at: app.lianxin.now(), on: db)
            }
        }
    }
}
