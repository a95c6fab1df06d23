import Foundation
import Testing
@testable import LianxinCore

/// Trains on real citizen messages from ../shared (evaluation data only; skipped when absent).
@Suite struct ClassifierOnMessagesTests {
    private static let available = FileManager.default.fileExists(atPath: ClassifierFixtures.sharedMessages.path)

    @Test(.enabled(if: available, "../shared/data/messages/train.csv is not beside the repository"))
    func aHeldOutFifthOfRealMessagesReachesAMacroF1OfNinetyPercent() throws {
        // Each message is cut to its opening (title and first sentences) so the debug build stays quick.
        let all = try LabeledTextCSV.read(from: ClassifierFixtures.sharedMessages).map {
            LabeledText(text: String($0.text.prefix(160)), label: $0.label)
        }
        let labels = Set(all.map(\.label)).sorted()
        let labelIndices = all.map { labels.firstIndex(of: $0.label)! }
        let folds = StratifiedFolds.assign(labels: labelIndices, k: 5, seed: 4)
        let training = all.indices.filter { folds[$0] != 0 }.map { all[$0] }
        let testing = all.indices.filter { folds[$0] == 0 }

        let model = try ClassifierTrainer().train(on: training)
        let evaluation = ClassificationEvaluation(
            labels: labels, truth: testing.map { labelIndices[$0] },
            predicted: testing.map { labels.firstIndex(of: model.predict(all[$0].text).label)! }
        )
        #expect(evaluation.macroF1 >= 0.90, "\(evaluation.report())")
    }
}
