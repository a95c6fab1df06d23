/// Why a classifier could not be trained, evaluated, saved or loaded.
public enum ClassifierError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Training needs examples of at least two labels.
    case needsTwoLabels(found: Int)
    /// Hyper-parameters that cannot work, with the reason.
    case invalidHyperParameters(String)
    /// `k` folds need `k ≥ 2` and at least `k` examples of every label.
    case invalidFoldCount(k: Int, smallestLabel: String, examples: Int)
    /// The model file is damaged or not a model file; the reason says where.
    case corruptModel(String)
    /// The model file was written by a newer or older, incompatible format.
    case unsupportedFormatVersion(found: Int, supported: Int)
    /// A CSV file lacks a required column.
    case missingColumn(String)
    /// A CSV file is malformed at the given line.
    case malformedCSV(line: Int, reason: String)

    /// A sentence for logs and the command line.
    public var description: String {
        switch self {
        case .needsTwoLabels(let found):
            "training needs examples of at least two labels, found \(found)"
        case .invalidHyperParameters(let reason):
            "invalid hyper-parameters: \(reason)"
        case .invalidFoldCount(let k, let label, let examples):
            "cannot split into \(k) folds: label \(label) has \(examples) examples (need k ≥ 2 and ≥ k per label)"
        case .corruptModel(let reason):
            "corrupt classifier model: \(reason)"
        case .unsupportedFormatVersion(let found, let supported):
            "classifier model format version \(found) is not supported (this build reads version \(supported))"
        case .missingColumn(let name):
            "CSV has no column named \(name)"
        case .malformedCSV(let line, let reason):
            "malformed CSV at line \(line): \(reason)"
        }
    }
}
