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
                logger.error(
                    "classifier model rejected; keeping the model in use",
                    metadata: [
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
