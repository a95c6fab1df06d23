import Foundation

/// Measures the classifier on a labelled CSV: k-fold quality, training time, inference time, model size.
public enum ClassifierBenchmark {
    /// The figures of one benchmark run.
    public struct Report: Sendable, CustomStringConvertible {
        /// The hyper-parameters measured.
        public var hyperParameters: ClassifierHyperParameters
        /// The cross-validation result.
        public var evaluation: ClassificationEvaluation
        /// Number of folds.
        public var folds: Int
        /// Number of examples in the file.
        public var exampleCount: Int
        /// Wall time of the whole cross-validation, in seconds.
        public var crossValidationSeconds: Double
        /// Wall time of training one model on every example, in seconds.
        public var trainingSeconds: Double
        /// Mean wall time of `predict` on one example's text, in microseconds.
        public var inferenceMicroseconds: Double
        /// Mean wall time of `predict` on one example's text with its spaces removed, in microseconds.
        public var rawTextInferenceMicroseconds: Double
        /// Size of the model file trained on every example, in bytes.
        public var modelBytes: Int
        /// Wall time of decoding that model file, in milliseconds.
        public var modelLoadMilliseconds: Double
        /// Features in that model.
        public var featureCount: Int

        /// The report as printed by the benchmark commands.
        public var description: String {
            let parameters = hyperParameters
            return """
            classifier: char \(parameters.minNGramLength)-\(parameters.maxNGramLength)-grams, whitespace \(parameters.whitespace.rawValue), \
            min df \(parameters.minDocumentFrequency), sublinear tf \(parameters.sublinearTF), C \(parameters.cost), seed \(parameters.seed)
            \(folds)-fold cross-validation on \(exampleCount) examples (\(String(format: "%.1f", crossValidationSeconds)) s)
            \(evaluation.report())

            training on all \(exampleCount) examples: \(String(format: "%.2f", trainingSeconds)) s, \(featureCount) features
            model file: \(modelBytes) bytes, decoded in \(String(format: "%.1f", modelLoadMilliseconds)) ms
            inference: \(String(format: "%.1f", inferenceMicroseconds)) µs/message (as given), \
            \(String(format: "%.1f", rawTextInferenceMicroseconds)) µs/message (spaces removed)
            """
        }
    }

    /// Runs the benchmark on the CSV at `trainCSV` (columns `text,label`).
    public static func run(
        trainCSV: URL, folds: Int, hyperParameters: ClassifierHyperParameters = ClassifierHyperParameters()
    ) throws -> Report {
        let examples = try LabeledTextCSV.read(from: trainCSV)
        let trainer = ClassifierTrainer(hyperParameters: hyperParameters)
        let clock = ContinuousClock()
        var evaluation: ClassificationEvaluation?
        let crossValidation = try clock.measure { evaluation = try trainer.kFoldEvaluate(on: examples, k: folds) }
        var trained: ClassifierModel?
        let training = try clock.measure { trained = try trainer.train(on: examples) }
        let model = trained!
        let texts = examples.map(\.text)
        let rawTexts = texts.map { $0.replacingOccurrences(of: " ", with: "") }
        let inference = clock.measure { for text in texts { _ = model.predict(text) } }
        let rawInference = clock.measure { for text in rawTexts { _ = model.predict(text) } }
        let file = model.encoded()
        let loading = try clock.measure { _ = try ClassifierModel(encoded: file) }
        return Report(
            hyperParameters: hyperParameters, evaluation: evaluation!, folds: folds, exampleCount: examples.count,
            crossValidationSeconds: crossValidation.seconds, trainingSeconds: training.seconds,
            inferenceMicroseconds: inference.seconds * 1e6 / Double(texts.count),
            rawTextInferenceMicroseconds: rawInference.seconds * 1e6 / Double(texts.count),
            modelBytes: file.count, modelLoadMilliseconds: loading.seconds * 1e3, featureCount: model.featureCount
        )
    }
}

extension Duration {
    /// The duration in seconds.
    fileprivate var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
