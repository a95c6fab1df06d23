import Vapor
import Fluent
import LianxinCore

/// Training, importing and switching classifier models.
extension ClassifierController {
    struct TrainingInput: Content {
        var includeShipped: Bool?
        var evaluate: Bool?
        var folds: Int?
        var limit: Int?
    }

    struct Evaluation: Content { var folds: Int; var accuracy: Double; var macroF1: Double }

    struct Trained: Content {
        var model: ModelDTO
        var evaluation: Evaluation?
        var inUse: Bool
    }

    /// Trains on closed orders (and corrections), stores the next version and switches to it.
    func train(req: Request) async throws -> Response {
        let principal = try await req.requireReferenceAuthority(.manageRules)
        let input = try req.content.decode(TrainingInput.self)
        let limit = input.limit ?? 200_000
        guard (1...2_000_000).contains(limit) else { throw Problem.invalid(field: "/limit", "1–2000000") }
        let folds = input.folds ?? 5
        guard (2...20).contains(folds) else { throw Problem.invalid(field: "/folds", "2–20") }
        let catalog = try await ReferenceData.catalog(req.lianxin.referenceCache, on: req.db)
        var examples = try await ClassifierTraining.examples(on: req.db, catalog: catalog, limit: limit)
        if input.includeShipped ?? false {
            examples += try ClassifierTraining.shippedExamples(resourcesDirectory: req.lianxin.settings.resourcesDirectory)
        }
        let labelCount = Set(examples.map(\.label)).count
        guard examples.count >= 20, labelCount >= 2 else {
            throw Problem.invalid(
                field: "/includeShipped",
                "too few closed orders to train (\(examples.count) examples, \(labelCount) labels); add the shipped corpus / 已办结工单太少，可加入内置语料")
        }
        let evaluate = input.evaluate ?? false
        let training = examples
        let now = req.lianxin.now()
        let (model, evaluation) = try await req.application.threadPool.runIfActive { () throws -> (ClassifierModel, ClassificationEvaluation?) in
            let trainer = ClassifierTrainer()
            let evaluation = evaluate ? try trainer.kFoldEvaluate(on: training, k: folds) : nil
            return (try trainer.train(on: training, createdAt: now), evaluation)
        }
        let record = try await ClassifierTraining.install(
            model, source: "database", macroF1: evaluation?.macroF1,
            by: principal.auditActor, app: req.application)
        let outcome = try await req.lianxin.classifier.refresh(on: req.db)
        let body = Trained(
            model: ModelDTO(record), evaluation: evaluation.map { Evaluation(folds: folds, accuracy: $0.accuracy, macroF1: $0.macroF1) },
            inUse: outcome == .swapped(version: record.version))
        return try await body.encodeResponse(status: .created, for: req)
    }

    /// Stores a model file trained elsewhere (`lianxin train --out`); a damaged file is refused with the reason.
    func importModel(req: Request) async throws -> Response {
        let principal = try await req.requireReferenceAuthority(.manageRules)
        guard let buffer = req.body.data, buffer.readableBytes > 0 else {
            throw Problem.invalid(field: "/file", "send the model file as the request body / 请上传模型文件")
        }
        let model: ClassifierModel
        do {
            model = try ClassifierModel(encoded: Data(buffer.readableBytesView))
        } catch let error as ClassifierError {
            await req.audit(.settingsChanged, result: .failure, target: "classifier:import", detail: "\(error)")
            throw Problem.invalid(field: "/file", "\(error) / 模型文件损坏或格式不符，未保存")
        }
        let record = try await ClassifierTraining.install(
            model, source: "import", macroF1: nil,
            by: principal.auditActor, app: req.application)
        try await req.lianxin.classifier.refresh(on: req.db)
        return try await ModelDTO(record).encodeResponse(status: .created, for: req)
    }

    struct UpdateInput: Content { var disabled: Bool? }

    /// Disables (or re-enables) a version; the instance switches to the newest enabled one.
    func update(req: Request) async throws -> ModelDTO {
        let principal = try await req.requireReferenceAuthority(.manageRules)
        guard let version = req.parameters.get("version", as: Int.self) else { throw Problem.notFound("classifier model") }
        guard let disabled = try req.content.decode(UpdateInput.self).disabled else {
            throw Problem.invalid(field: "/disabled", "true or false")
        }
        try await ClassifierTraining.setDisabled(disabled, version: version, by: principal.auditActor, app: req.application)
        try await req.lianxin.classifier.refresh(on: req.db)
        guard let row = try await ClassifierModelRecord.query(on: req.db).filter(\.$version == version).first() else {
            throw Problem.notFound("classifier model")
        }
        return ModelDTO(row)
    }
}
