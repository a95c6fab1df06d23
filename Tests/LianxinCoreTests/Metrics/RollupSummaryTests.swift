import Foundation
import Testing
@testable import LianxinCore

/// Summary rows are sums of the fine rows they cover, and a period read from its buckets equals the fine rows of
/// that period, for every level and dimension the summary keeps.
@Suite struct RollupSummaryTests {
    typealias F = MetricsFixture

    /// The summary rows of `period` for `dimension` at `level` in `node`, added up per value, the way the server
    /// reads them; nil where the summary does not cover the period.
    static func read(
        _ summary: [SummaryKey: RollupCounters], _ period: Period, _ dimension: SummaryDimension,
        at level: DivisionLevel, node: String
    ) -> [String: RollupCounters]? {
        guard let buckets = RollupSummary.buckets(covering: period, dimension, at: level) else { return nil }
        let wanted = Set(buckets.map { "\($0.grain.rawValue)\($0.first)" })
        var totals: [String: RollupCounters] = [:]
        for (key, counters) in summary
        where key.level == level && key.node == node && key.dimension == dimension
            && wanted.contains("\(key.grain.rawValue)\(key.bucket)")
        {
            totals[key.value, default: .zero] += counters
        }
        return totals
    }

    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    static let periods: [Period] = [
        .day(day("2025-10-08")), .week(containing: day("2025-10-01")), Period.month(year: 2025, month: 10)!,
        Period.quarter(year: 2025, quarter: 4)!, .year(2025), .custom(from: day("2025-09-20"), through: day("2026-02-11"))!,
        .custom(from: day("2025-09-01"), through: day("2026-12-31"))!,
    ]

    @Test(arguments: 0..<3)
    func aPeriodReadFromSummaryRowsEqualsTheFineRowsOfThatPeriod(sample: Int) {
        let table = RandomHistory.samples[sample].table
        let summary = RollupSummary.delta(of: table.rows)
        var compared = 0
        for period in Self.periods {
            for place in RandomHistory.places {
                for level in RollupSummary.levels {
                    guard let node = place.code(at: level) else { continue }
                    let filter = RollupFilter(period: period, division: .division(level, code: node))
                    for dimension in SummaryDimension.allCases {
                        guard let read = Self.read(summary, period, dimension, at: level, node: node) else {
                            #expect(dimension != .total && level > .county)
                            continue
                        }
                        let fine = table.totals(matching: filter) { dimension.value(of: $0) }.filter { !$0.value.isZero }
                        #expect(read.filter { !$0.value.isZero } == fine, "\(period) \(level) \(node) \(dimension)")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 100)
        #expect(table.total().received > 100)
    }

    @Test func bucketsCoverAPeriodOnceLargestFirst() {
        let period = Period.custom(from: Self.day("2025-02-15"), through: Self.day("2026-07-02"))!
        let totals = RollupSummary.buckets(covering: period, .total, at: .community)!
        #expect(
            totals.map { "\($0.grain.rawValue) \($0.first)" } == (15...28).map { "D 2025-02-\($0)" } + [
                "M 2025-03-01", "Q 2025-04-01", "Q 2025-07-01", "Q 2025-10-01", "Q 2026-01-01", "Q 2026-04-01",
                "D 2026-07-01", "D 2026-07-02",
            ])
        #expect(RollupSummary.buckets(covering: .year(2025), .total, at: .township)!.map(\.grain) == [.year])
        // Units, categories, channels and kinds by month everywhere, by day only for cities and counties.
        #expect(
            RollupSummary.buckets(covering: Period.quarter(year: 2025, quarter: 2)!, .department, at: .community)!
                .map(\.grain) == [.month, .month, .month])
        #expect(RollupSummary.buckets(covering: period, .channel, at: .community) == nil)
        #expect(RollupSummary.buckets(covering: period, .channel, at: .county)?.count == 14 + 16 + 2)
        // Every day of a covering is covered once.
        var days: [LocalDate] = []
        for bucket in totals {
            let span = bucket.grain.bucket(holding: bucket.first)
            days += (0..<span.dayCount).map { span.first.adding(days: $0) }
        }
        #expect(days == (0..<period.dayCount).map { period.first.adding(days: $0) })
    }

    @Test func aFineRowCountsOnceInEachSummaryRowAbove() {
        let key = RollupKey(
            day: Self.day("2025-10-08"), divisions: F.communityA, departmentID: F.unitA, categoryCode: "0101",
            channel: .hotline, requestKind: .complaint)
        let keys = RollupSummary.keys(of: key)
        #expect(Set(keys).count == keys.count)
        // 4 levels × 4 grains of totals, 4 dimensions × 4 levels by month, 4 dimensions × 2 levels by day.
        #expect(keys.count == 16 + 16 + 8)
        #expect(
            keys.contains(
                SummaryKey(
                    grain: .quarter, bucket: Self.day("2025-10-01"), level: .township,
                    node: F.communityA.township!, dimension: .total, value: "")))
        #expect(
            keys.contains(
                SummaryKey(
                    grain: .month, bucket: Self.day("2025-10-01"), level: .community,
                    node: F.communityA.community!, dimension: .department, value: F.unitA.uuidString)))
        let unlocated = RollupKey(
            day: Self.day("2025-10-08"), divisions: OrderDivisions(), departmentID: nil, categoryCode: "0101",
            channel: .hotline, requestKind: .complaint)
        #expect(RollupSummary.keys(of: unlocated).isEmpty)
    }

    @Test func addingInPlaceEqualsAddingEveryField() {
        for (name, field) in RollupCounters.fields {
            var one = RollupCounters()
            one[keyPath: field] = 1
            var sum = RollupCounters()
            sum += one
            #expect(sum[keyPath: field] == 1, "\(name)")
            #expect(sum == .zero + one)
        }
        for sample in RandomHistory.samples {
            var sum = RollupCounters(), reference = RollupCounters()
            for (_, row) in sample.table.rows {
                sum += row
                reference = reference + row
                var back = sum
                back += .zero - row
                #expect(back == sum - row)
            }
            #expect(sum == reference)
        }
    }
}
