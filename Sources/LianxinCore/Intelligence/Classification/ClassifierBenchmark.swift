import Foundation

/// Measures the classifier on a labelled CSV: k-fold quality, training time, inference time, model size.
public enum ClassifierBenchmark {
    /// Wall-clock and CPU seconds of one measured step; they differ when the machine is shared.
    public struct Timing: Sendable, Hashable {
        /// Elapsed real time in seconds.
        public var wall: Double
        /// CPU time of the measuring thread in seconds.
        public var cpu: Double
    }

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
        /// The whole cross-validation.
        public var crossValidation: Timing
        /// Training one model on every example.
        public var training: Timing
        /// `predict` on every example's text as given, per message, in microseconds.
        public var inferenceMicroseconds: Timing
        /// `predict` on every example's text with its spaces removed, per message, in microseconds.
        public var rawTextInferenceMicroseconds: Timing
        /// Size of the model file trained on every example, in bytes.
        public var modelBytes: Int
        /// Decoding that model file, in milliseconds.
        public var modelLoadMilliseconds: Timing
        /// Features in that model.
        public var featureCount: Int

        /// The report as printed by the benchmark commands.
        public var description: String {
            let parameters = hyperParameters
            func show(_ timing: Timing, _ unit: String, _ digits: Int) -> String {
                String(format: "%.\(digits)f \(unit) CPU (%.\(digits)f wall)", timing.cpu, timing.wall)
            }
            return """
                classifier: char \(parameters.minNGramLength)-\(parameters.maxNGramLength)-grams (lead \(parameters.leadLength)), \
                whitespace \(parameters.whitespace.rawValue), min df \(parameters.minDocumentFrequency), \
                max features \(parameters.maxFeatures), \
                sublinear tf \(parameters.sublinearTF), NB smoothing \(parameters.naiveBayesSmoothing), \
                C \(parameters.cost), balanced \(parameters.balancesClasses), seed \(parameters.seed)
                \(folds)-fold cross-validation on \(exampleCount) examples: \(show(crossValidation, "s", 1))
                \(evaluation.report())

                training on all \(exampleCount) examples: \(show(training, "s", 2)), \(featureCount) features
                model file: \(modelBytes) bytes, decoded in \(show(modelLoadMilliseconds, "ms", 1))
                inference per message, text as given: \(show(inferenceMicroseconds, "µs", 1))
                inference per message, spaces removed: \(show(rawTextInferenceMicroseconds, "µs", 1))
                """
        }
    }

    /// Runs the benchmark on the CSV at `trainCSV` (columns `text,label`).
    public static func run(
        trainCSV: URL, folds: Int, hyperParameters: ClassifierHyperParameters = ClassifierHyperParameters()
    ) throws -> Report {
        try run(examples: try LabeledTextCSV.read(from: trainCSV), folds: folds, hyperParameters: hyperParameters)
    }

    /// Runs the benchmark on labelled examples (from a file or a database).
    public static func run(
        examples: [LabeledText], folds: Int, hyperParameters: ClassifierHyperParameters = ClassifierHyperParameters()
    ) throws -> Report {
        let trainer = ClassifierTrainer(hyperParameters: hyperParameters)
        var evaluation: ClassificationEvaluation?
        let crossValidation = try ThreadCPUClock.measure { evaluation = try trainer.kFoldEvaluate(on: examples, k: folds) }
        var trained: ClassifierModel?
        let training = try ThreadCPUClock.measure { trained = try trainer.train(on: examples) }
        let model = trained!
        let texts = examples.map(\.text)
        let rawTexts = texts.map { $0.replacingOccurrences(of: " ", with: "") }
        let inference = ThreadCPUClock.measure { for text in texts { _ = model.predict(text) } }
        let rawInference = ThreadCPUClock.measure { for text in rawTexts { _ = model.predict(text) } }
        let file = model.encoded()
        let loading = try ThreadCPUClock.measure { _ = try ClassifierModel(encoded: file) }
        let perMessage = 1e6 / Double(texts.count)
        return Report(
            hyperParameters: hyperParameters, evaluation: evaluation!, folds: folds, exampleCount: examples.count,
            crossValidation: Timing(wall: crossValidation.wall, cpu: crossValidation.cpu),
            training: Timing(wall: training.wall, cpu: training.cpu),
            inferenceMicroseconds: Timing(wall: inference.wall * perMessage, cpu: inference.cpu * perMessage),
            rawTextInferenceMicroseconds: Timing(wall: rawInference.wall * perMessage, cpu: rawInference.cpu * perMessage),
            modelBytes: file.count, modelLoadMilliseconds: Timing(wall: loading.wall * 1e3, cpu: loading.cpu * 1e3),
            featureCount: model.featureCount
        )
    }
}
