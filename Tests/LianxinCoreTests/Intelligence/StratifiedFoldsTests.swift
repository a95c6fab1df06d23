import Testing
@testable import LianxinCore

@Suite struct StratifiedFoldsTests {
    @Test func theSplitMatchesTheBenchmarkScriptBitForBit() {
        // Values printed by scripts/bench_classifier.py's stratified_folds and SplitMix64.
        #expect(
            StratifiedFolds.assign(labels: [0, 1, 0, 1, 2, 0, 1, 2, 2, 0, 1, 0], k: 3, seed: 42)
                == [2, 1, 0, 0, 0, 1, 2, 1, 2, 1, 2, 0])
        var generator = SplitMix64(seed: 7)
        #expect(
            [generator.next(), generator.next(), generator.next()]
                == [7_191_089_600_892_374_487, 309_689_372_594_955_804, 16_616_101_746_815_609_346])
    }

    @Test func everyFoldGetsItsShareOfEveryLabel() {
        let labels = (0..<300).map { $0 % 7 == 0 ? 2 : ($0 % 3 == 0 ? 1 : 0) }
        let folds = StratifiedFolds.assign(labels: labels, k: 5, seed: 1)
        for label in 0...2 {
            let perFold = (0..<5).map { fold in zip(labels, folds).filter { $0 == label && $1 == fold }.count }
            #expect(perFold.max()! - perFold.min()! <= 1)
        }
        let sizes = (0..<5).map { fold in folds.filter { $0 == fold }.count }
        #expect(sizes.max()! - sizes.min()! <= 1)
    }

    @Test func theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        let labels = (0..<200).map { $0 % 4 }
        #expect(StratifiedFolds.assign(labels: labels, k: 5, seed: 9) == StratifiedFolds.assign(labels: labels, k: 5, seed: 9))
        #expect(StratifiedFolds.assign(labels: labels, k: 5, seed: 9) != StratifiedFolds.assign(labels: labels, k: 5, seed: 10))
    }
}
