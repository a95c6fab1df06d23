import Vapor
import Fluent
import Crypto
import LianxinCore

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
                try await AuditLog.record(
                    .settingsChanged, result: .success, actor: actor, target: "classifier:v\(record.version)",
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
                try await AuditLog.record(
                    .settingsChanged, result: .success, actor: actor, target: "classifier:v\(version)",
                    detail: disabled ? "disabled" : "enabled", at: app.lianxin.now(), on: db)
            }
        }
    }
}
