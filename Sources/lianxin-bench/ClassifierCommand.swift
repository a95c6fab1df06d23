import Foundation
import LianxinCore

/// `classifier`: k-fold quality, training, inference and model-file figures of the category
/// classifier on a labelled CSV (the same report as `lianxin train --evaluate`, without the server).
struct ClassifierCommand {
    /// The CSV with columns `text,label`.
    let csvPath: String
    /// Cross-validation folds.
    let folds: Int

    /// Reads `--train FILE [--folds K]`.
    init(_ arguments: Arguments) throws(UsageError) {
        var arguments = arguments
        csvPath = try arguments.string("--train")
        folds = try arguments.integer("--folds", minimum: 2, default: 5)
        try arguments.finish()
    }

    /// Prints the report.
    func run() throws {
        print(try ClassifierBenchmark.run(trainCSV: URL(fileURLWithPath: csvPath), folds: folds).description)
    }
}
