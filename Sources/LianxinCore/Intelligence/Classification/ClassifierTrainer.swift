import Foundation

/// Trains `ClassifierModel`s and cross-validates the hyper-parameters it holds.
public struct ClassifierTrainer: Sendable {
    /// The hyper-parameters every model of this trainer uses.
    public var hyperParameters: ClassifierHyperParameters

    /// Creates a trainer.
    public init(hyperParameters: ClassifierHyperParameters = ClassifierHyperParameters()) {
        self.hyperParameters = hyperParameters
    }

    /// Trains a model on all of `examples`.
    public func train(on examples: [LabeledText], createdAt: Date = Date()) throws -> ClassifierModel {
        let (labels, labelIndices) = try prepare(examples)
        return fit(documents: hash(examples), labelIndices: labelIndices, labels: labels, createdAt: createdAt)
    }

    /// Stratified, seeded k-fold cross-validation: every example is predicted by a model that never saw it.
    public func kFoldEvaluate(on examples: [LabeledText], k: Int) throws -> ClassificationEvaluation {
        let (labels, labelIndices) = try prepare(examples)
        for label in labels.indices {
            let examples = labelIndices.lazy.filter { $0 == label }.count
            if k < 2 || examples < k { throw ClassifierError.invalidFoldCount(k: k, smallestLabel: labels[label], examples: examples) }
        }
        let documents = hash(examples)
        let folds = StratifiedFolds.assign(labels: labelIndices, k: k, seed: hyperParameters.seed)
        var predicted = [Int](repeating: 0, count: examples.count)
        var foldMacroF1: [Double] = []
        for fold in 0..<k {
            let training = folds.indices.filter { folds[$0] != fold }
            let heldOut = folds.indices.filter { folds[$0] == fold }
            let model = fit(
                documents: training.map { documents[$0] }, labelIndices: training.map { labelIndices[$0] },
                labels: labels, createdAt: Date()
            )
            for example in heldOut {
                predicted[example] = labels.firstIndex(of: model.predict(examples[example].text, topK: 1).label)!
            }
            foldMacroF1.append(
                ClassificationEvaluation(
                    labels: labels, truth: heldOut.map { labelIndices[$0] }, predicted: heldOut.map { predicted[$0] }
                ).macroF1)
        }
        return ClassificationEvaluation(labels: labels, truth: labelIndices, predicted: predicted, foldMacroF1: foldMacroF1)
    }

    private func prepare(_ examples: [LabeledText]) throws -> (labels: [String], indices: [Int]) {
        let parameters = hyperParameters
        guard parameters.minNGramLength >= 1, parameters.maxNGramLength >= parameters.minNGramLength else {
            throw ClassifierError.invalidHyperParameters("n-gram lengths \(parameters.minNGramLength)...\(parameters.maxNGramLength)")
        }
        guard parameters.cost > 0, parameters.tolerance > 0, parameters.maxEpochs > 0,
            parameters.minDocumentFrequency >= 1, parameters.confidenceScale > 0,
            (1...FeatureVocabulary.capacity).contains(parameters.maxFeatures)
        else {
            throw ClassifierError.invalidHyperParameters(
                "cost, tolerance, epochs, document frequency, feature count and confidence scale must be positive"
            )
        }
        let labels = Set(examples.map(\.label)).sorted()
        guard labels.count >= 2 else { throw ClassifierError.needsTwoLabels(found: labels.count) }
        let position = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        return (labels, examples.map { position[$0.label]! })
    }

    private func hash(_ examples: [LabeledText]) -> [HashedDocument] {
        let ngrams = hyperParameters.ngrams
        return examples.map { HashedDocument(text: $0.text, ngrams: ngrams) }
    }

    private func fit(documents: [HashedDocument], labelIndices: [Int], labels: [String], createdAt: Date) -> ClassifierModel {
        let vectorizer = TFIDFVectorizer(
            fitting: documents,
            minDocumentFrequency: hyperParameters.minDocumentFrequency, maxFeatures: hyperParameters.maxFeatures,
            sublinearTF: hyperParameters.sublinearTF
        )
        var matrix = SparseMatrix()
        for document in documents { matrix.append(vectorizer.vector(for: document)) }
        let solution = hyperParameters.solver.solve(
            matrix: matrix, labels: labelIndices, classCount: labels.count, featureCount: vectorizer.vocabulary.count
        )
        return ClassifierModel(
            createdAt: createdAt, labels: labels, hyperParameters: hyperParameters, trainingExampleCount: documents.count,
            vocabulary: vectorizer.vocabulary, idf: vectorizer.idf, weights: solution.weights, biases: solution.biases
        )
    }
}
