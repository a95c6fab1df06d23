/// Seeded, stratified assignment of examples to cross-validation folds.
///
/// For each label in ascending label order, its example indices (ascending) are shuffled with one
/// shared `SplitMix64` stream and dealt round-robin to the folds, continuing where the previous
/// label stopped. `scripts/bench_classifier.py` reproduces this exactly.
public enum StratifiedFolds {
    /// Returns the fold (in `0..<k`) of each example; `labels` holds label indices.
    public static func assign(labels: [Int], k: Int, seed: UInt64) -> [Int] {
        var folds = [Int](repeating: 0, count: labels.count)
        var generator = SplitMix64(seed: seed)
        var dealt = 0
        for label in Set(labels).sorted() {
            var members = labels.indices.filter { labels[$0] == label }
            generator.shuffle(&members)
            for (position, example) in members.enumerated() { folds[example] = (dealt + position) % k }
            dealt += members.count
        }
        return folds
    }
}
