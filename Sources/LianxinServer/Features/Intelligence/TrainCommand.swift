import Vapor
import Fluent
import LianxinCore

/// `lianxin train`: trains the category classifier from a CSV file or from this deployment's closed
/// orders, evaluates it with k-fold cross-validation, writes a model file or stores a new version
/// that running servers switch to by themselves.
struct TrainCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "from", help: "CSV file with columns text,label.") var from: String?
        @Flag(name: "from-database", help: "Train on closed orders (their final top-level category) and operators' corrections.")
        var fromDatabase: Bool
        @Option(name: "limit", help: "With --from-database: the newest N closed orders (default 200000).") var limit: Int?
        @Flag(name: "include-shipped", help: "Add the corpus Lianxin ships (Resources/Classifier/seed-corpus.csv) to the examples.")
        var includeShipped: Bool
        @Flag(
            name: "evaluate",
            help:
                "Print accuracy, macro-F1, per-label figures and the confusion matrix of k-fold cross-validation, with timings; writes no model unless --out or --install is given."
        )
        var evaluate: Bool
        @Option(name: "folds", help: "Folds for --evaluate (default 5).") var folds: Int?
        @Option(name: "out", help: "Write the model file here instead of storing it in the database.") var out: String?
        @Flag(name: "install", help: "With --evaluate: also store the model as a new version.") var install: Bool
        @Option(name: "created-at", help: "Timestamp recorded in the model (ISO 8601; default now), for reproducible files.")
        var createdAt: String?
    }

    var help: String {
        "Trains the category classifier (--from FILE.csv or --from-database); --evaluate prints k-fold figures; the new model is stored as the next version and picked up by running servers within 30 s."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard (signature.from == nil) != !signature.fromDatabase else {
            throw CommandFailure("give exactly one of --from FILE.csv and --from-database")
        }
        var createdAt = Date()
        if let text = signature.createdAt {
            guard let parsed = ISOTimestamp.parse(text) else { throw CommandFailure("--created-at: not an ISO 8601 timestamp: \(text)") }
            createdAt = parsed
        }
        var examples: [LabeledText]
        let source: String
        if let path = signature.from {
            do {
                examples = try LabeledTextCSV.read(from: URL(fileURLWithPath: path))
            } catch let error as ClassifierError {
                throw CommandFailure("\(path): \(error)")
            } catch {
                throw CommandFailure("cannot read \(path): \(error.localizedDescription)")
            }
            source = "csv:" + (path as NSString).lastPathComponent
        } else {
            let limit = signature.limit ?? 200_000
            guard limit > 0 else { throw CommandFailure("--limit must be positive") }
            try await prepareDatabase(app)
            let catalog = try await ReferenceData.catalog(app.lianxin.referenceCache, on: app.db)
            examples = try await ClassifierTraining.examples(on: app.db, catalog: catalog, limit: limit)
            source = "database"
        }
        if signature.includeShipped {
            examples += try ClassifierTraining.shippedExamples(resourcesDirectory: app.lianxin.settings.resourcesDirectory)
        }
        let labels = Dictionary(grouping: examples, by: \.label).mapValues(\.count)
        context.console.print("\(examples.count) examples, \(labels.count) labels (\(source))")
        guard examples.count >= 20, labels.count >= 2 else {
            throw CommandFailure(
                "too few examples to train (\(examples.count), \(labels.count) labels; need 20 and 2): keep the model in use, or add --include-shipped"
            )
        }

        var macroF1: Double?
        if signature.evaluate {
            let folds = signature.folds ?? 5
            let report: ClassifierBenchmark.Report
            do {
                report = try ClassifierBenchmark.run(examples: examples, folds: folds)
            } catch let error as ClassifierError {
                throw CommandFailure("\(error)")
            }
            context.console.print(report.description)
            macroF1 = report.evaluation.macroF1
            guard signature.out != nil || signature.install else { return }
        }
        let started = Date()
        let model = try ClassifierTrainer().train(on: examples, createdAt: createdAt)
        context.console.print(
            String(
                format: "trained on %d examples in %.2f s, %d features", examples.count,
                Date().timeIntervalSince(started), model.featureCount))
        if let out = signature.out {
            try model.save(to: URL(fileURLWithPath: out))
            context.console.print("model written to \(out) (\(model.encoded().count) bytes)")
            return
        }
        try await prepareDatabase(app)
        let record = try await ClassifierTraining.install(model, source: source, macroF1: macroF1, by: .commandLine, app: app)
        context.console.print(
            "stored as classifier model v\(record.version) (sha256 \(record.sha256.prefix(12))…); running servers switch to it within 30 s")
    }
}
