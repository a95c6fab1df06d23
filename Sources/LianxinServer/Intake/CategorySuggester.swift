import Vapor
import LianxinCore

/// The category classifier the intake desk asks as the operator types. Until a model trained on
/// this deployment's closed orders exists, it is the cold-start model, trained once on first use
/// from the corpus Lianxin ships (`Resources/Classifier/seed-corpus.csv`, written for Lianxin).
actor CategorySuggester {
    private let corpusPath: String
    private var model: ClassifierModel?

    init(resourcesDirectory: String) {
        corpusPath = (resourcesDirectory as NSString).appendingPathComponent("Classifier/seed-corpus.csv")
    }

    /// The top categories (by top-level category name) for a text.
    func predict(_ text: String, topK: Int) throws -> ClassificationPrediction {
        if model == nil {
            let examples = try LabeledTextCSV.read(from: URL(fileURLWithPath: corpusPath))
            model = try ClassifierTrainer().train(on: examples)
        }
        return model!.predict(text, topK: topK)
    }
}

extension Application {
    private struct SuggesterKey: StorageKey { typealias Value = CategorySuggester }

    /// The shared suggester, made on first use.
    var categorySuggester: CategorySuggester {
        if let existing = storage[SuggesterKey.self] { return existing }
        let made = CategorySuggester(resourcesDirectory: lianxin.settings.resourcesDirectory)
        storage[SuggesterKey.self] = made
        return made
    }
}
