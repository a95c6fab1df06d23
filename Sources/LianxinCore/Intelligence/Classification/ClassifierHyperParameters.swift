/// Everything that decides how a classifier is trained; stored in the model for reproducibility.
public struct ClassifierHyperParameters: Sendable, Hashable, Codable {
    /// The shortest character n-gram.
    public var minNGramLength: Int
    /// The longest character n-gram.
    public var maxNGramLength: Int
    /// How spaces take part in n-grams; `.ignore` makes word-segmented and raw text alike.
    public var whitespace: WhitespaceHandling
    /// N-grams within the first this many characters also count as lead features; 0 turns this off.
    public var leadLength: Int
    /// Whether digits fold to `0`.
    public var foldsDigits: Bool
    /// N-grams seen in fewer training documents are dropped.
    public var minDocumentFrequency: Int
    /// At most this many n-grams, the most frequent, become features; bounds model size and latency.
    public var maxFeatures: Int
    /// Whether term frequency is damped to `1 + ln(tf)`.
    public var sublinearTF: Bool
    /// Whether each example's cost is scaled by `examples / (labels × examples of its label)`.
    public var balancesClasses: Bool
    /// Naive-Bayes log-count-ratio feature scaling smoothing (NBSVM); 0 turns it off.
    public var naiveBayesSmoothing: Double
    /// The SVM's inverse regularisation strength.
    public var cost: Double
    /// The solver's stopping tolerance on the projected-gradient spread.
    public var tolerance: Double
    /// The solver's maximum passes over the data per class.
    public var maxEpochs: Int
    /// Multiplies margins before the softmax that yields confidences.
    public var confidenceScale: Double
    /// Seeds every random choice in training.
    public var seed: UInt64

    /// Creates hyper-parameters; the defaults are the ones tuned on the evaluation data.
    public init(
        minNGramLength: Int = 1,
        maxNGramLength: Int = 3,
        whitespace: WhitespaceHandling = .ignore,
        leadLength: Int = 20,
        foldsDigits: Bool = true,
        minDocumentFrequency: Int = 1,
        maxFeatures: Int = 50_000,
        sublinearTF: Bool = true,
        balancesClasses: Bool = false,
        naiveBayesSmoothing: Double = 0.1,
        cost: Double = 1,
        tolerance: Double = 0.1,
        maxEpochs: Int = 50,
        confidenceScale: Double = 4,
        seed: UInt64 = 20_240_601
    ) {
        self.minNGramLength = minNGramLength
        self.maxNGramLength = maxNGramLength
        self.whitespace = whitespace
        self.leadLength = leadLength
        self.foldsDigits = foldsDigits
        self.minDocumentFrequency = minDocumentFrequency
        self.maxFeatures = maxFeatures
        self.sublinearTF = sublinearTF
        self.balancesClasses = balancesClasses
        self.naiveBayesSmoothing = naiveBayesSmoothing
        self.cost = cost
        self.tolerance = tolerance
        self.maxEpochs = maxEpochs
        self.confidenceScale = confidenceScale
        self.seed = seed
    }

    /// The n-gram extractor these parameters describe.
    var ngrams: CharacterNGrams {
        CharacterNGrams(
            normalizer: TextNormalizer(whitespace: whitespace, foldsDigits: foldsDigits),
            lengths: minNGramLength...maxNGramLength,
            leadLength: leadLength
        )
    }

    /// The solver these parameters describe.
    var solver: LinearSVMSolver {
        LinearSVMSolver(
            cost: cost, balancesClasses: balancesClasses, naiveBayesSmoothing: naiveBayesSmoothing, tolerance: tolerance, maxEpochs: maxEpochs,
            seed: seed)
    }
}
