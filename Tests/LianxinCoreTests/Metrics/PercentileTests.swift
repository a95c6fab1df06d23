import Testing
@testable import LianxinCore

/// Nearest-rank percentiles, exact and from histogram buckets.
@Suite struct PercentileTests {
    @Test func theNearestRankIsTheCeilingOfPTimesN() {
        #expect(NearestRank.rank(of: 0.9, in: 10) == 9)
        #expect(NearestRank.rank(of: 0.9, in: 11) == 10)
        #expect(NearestRank.rank(of: 0.9, in: 5) == 5)
        #expect(NearestRank.rank(of: 0.9, in: 1) == 1)
        #expect(NearestRank.rank(of: 0.55, in: 100) == 55)
        #expect(NearestRank.rank(of: 0.9, in: 0) == nil)
        #expect(NearestRank.rank(of: 0, in: 10) == nil)
        #expect(NearestRank.rank(of: 1.5, in: 10) == nil)
    }

    @Test func thePercentileIsOneOfTheValuesNeverInterpolated() {
        let values = [15, 20, 35, 40, 50, 1, 2, 3, 4, 5]
        #expect(NearestRank.percentile(0.9, of: values) == 40)
        #expect(NearestRank.percentile(0.5, of: values) == 5)
        #expect(NearestRank.percentile(1, of: values) == 50)
        #expect(NearestRank.percentile(0.9, of: [Int]()) == nil)
    }

    @Test func bucketsIncludeTheirUpperBound() {
        #expect(StageHistogram.bucket(ofSeconds: 0) == 0)
        #expect(StageHistogram.bucket(ofSeconds: 60) == 0)
        #expect(StageHistogram.bucket(ofSeconds: 61) == 1)
        #expect(StageHistogram.bucket(ofSeconds: 30 * 60) == 5)
        #expect(StageHistogram.bucket(ofSeconds: 43_200 * 60) == 18)
        #expect(StageHistogram.bucket(ofSeconds: 43_200 * 60 + 1) == 19)
    }

    @Test func theEstimateIsTheBoundOfTheBucketHoldingTheNearestRank() {
        // Ten durations: nine within 5 minutes, one of 3 hours; p90 is the 9th, in the (2, 5] bucket.
        let minutes = [1, 1, 2, 2, 3, 3, 4, 4, 5, 180]
        let histogram = minutes.map { StageHistogram(seconds: $0 * 60) }.reduce(StageHistogram(), +)
        #expect(histogram.total == 10)
        #expect(histogram.percentileUpperBound(0.9) == 5)
        #expect(histogram.percentileUpperBound(1) == 240)
        #expect(NearestRank.percentile(0.9, of: minutes) == 5)
        #expect((histogram + StageHistogram(seconds: 50 * 86_400)).percentileUpperBound(1) == nil)
        #expect(StageHistogram().percentileUpperBound(0.9) == nil)
    }
}
