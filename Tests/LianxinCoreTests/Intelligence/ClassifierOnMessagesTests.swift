import Foundation
import Testing
@testable import LianxinCore

/// Trains on real citizen messages from ../shared (evaluation data only; skipped when absent).
@Suite struct ClassifierOnMessagesTests {
    private static let available = FileManager.default.fileExists(atPath: ClassifierFixtures.sharedMessages.path)

    @Test(.enabled(if: available, "../shared/data/messages/train.csv is not beside the repository"))
    func aHeldOutFifthOfRealMessagesReachesAMacroF1OfNinetyPercent() throws {
        let all = try LabeledTextCSV.read(from: ClassifierFixtures.sharedMessages)
        let labels = Set(all.map(\.label)).sorted()
        let labelIndices = all.map { labels.firstIndex(of: $0.label)! }
        // A stratified half keeps the debug-build test to a few seconds; 80 % of it trains, 20 % tests.
        let sample = StratifiedFolds.assign(labels: labelIndices, k: 2, seed: 3)
        let kept = all.indices.filter { sample[$0] == 0 }
        let folds = StratifiedFolds.assign(labels: kept.map { labelIndices[$0] }, k: 5, seed: 4)
        let training = kept.indices.filter { folds[$0] != 0 }.map { all[kept[$0]] }
        let testing = kept.indices.filter { folds[$0] == 0 }.map { all[kept[$0]] }

        let model = try ClassifierTrainer().train(on: training)
        let predicted = testing.map { labels.firstIndex(of: model.predict($0.text.replacingOccurrences(of: " ", with: "")).label)! }
        let evaluation = ClassificationEvaluation(
            labels: labels, truth: testing.map { labels.firstIndex(of: $0.label)! }, predicted: predicted
        )
        #expect(evaluation.macroF1 >= 0.90, "\(evaluation.report())")
    }
}
