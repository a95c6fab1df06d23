import Foundation
import LianxinCore

/// `talent`: ranks generated demands against generated people with the skill index and with a full
/// scan (the anchor, same run, same data), and scores precision@10 on the planted labelled set.
struct TalentCommand {
    let profiles: Int
    let demands: Int
    let labelled: Int
    let seed: UInt64

    /// Reads `[--profiles N] [--demands D] [--labelled L] [--seed S]`.
    init(_ arguments: Arguments) throws(UsageError) {
        var arguments = arguments
        profiles = try arguments.integer("--profiles", minimum: 100, default: 100_000)
        demands = try arguments.integer("--demands", minimum: 1, default: 1_000)
        labelled = try arguments.integer("--labelled", minimum: 0, default: 200)
        seed = UInt64(try arguments.integer("--seed", minimum: 0, default: 23))
        try arguments.finish()
        guard labelled <= demands, labelled * 40 <= profiles else { throw UsageError("--labelled must be ≤ --demands and ≤ --profiles / 40") }
    }

    /// Prints {profiles, demands, build_seconds, p50_ms, p99_ms, max_ms, scan_p50_ms, scan_p99_ms, ratio_p99,
    /// same_top10, precision_at_10, labelled}.
    func run() throws {
        let generated = TalentGenerator(total: profiles, demandCount: demands, labelledCount: labelled, seed: seed)
        let (buildSeconds, matcher) = BenchSupport.timed { TalentMatcher(generated.people) }
        var indexed: [Double] = []
        var scanned: [Double] = []
        var same = 0
        for demand in generated.demands {
            let (fast, ranked) = BenchSupport.timed { matcher.rank(demand) }
            let (slow, anchor) = BenchSupport.timed { matcher.rankByFullScan(demand) }
            indexed.append(fast * 1000)
            scanned.append(slow * 1000)
            if ranked.matches == anchor.matches { same += 1 }
        }
        func percentile(_ values: [Double], _ share: Double) -> Double {
            let sorted = values.sorted()
            return sorted[min(sorted.count - 1, Int((Double(sorted.count) * share).rounded(.up)) - 1)]
        }
        let p99 = percentile(indexed, 0.99)
        let scanP99 = percentile(scanned, 0.99)
        try BenchSupport.printResult([
            "profiles": generated.people.count,
            "demands": generated.demands.count,
            "labelled": generated.labelled.count,
            "build_seconds": buildSeconds,
            "p50_ms": percentile(indexed, 0.5),
            "p99_ms": p99,
            "max_ms": indexed.max() ?? 0,
            "scan_p50_ms": percentile(scanned, 0.5),
            "scan_p99_ms": scanP99,
            "ratio_p99": scanP99 / max(p99, 1e-9),
            "same_top10": same,
            "precision_at_10": TalentGenerator.precisionAt10(matcher, generated.labelled),
        ])
    }
}
