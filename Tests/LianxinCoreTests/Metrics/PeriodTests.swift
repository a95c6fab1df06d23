import Foundation
import Testing
@testable import LianxinCore

/// Reporting periods in Beijing time, and the periods they are compared with.
@Suite struct PeriodTests {
    @Test func aMonthRunsFromBeijingMidnightToBeijingMidnight() throws {
        let march = try #require(Period.month(year: 2025, month: 3))
        #expect(march.first == "2025-03-01")
        #expect(march.last == "2025-03-31")
        #expect(march.start == Date(timeIntervalSince1970: 1_740_758_400))
        #expect(march.end == Date(timeIntervalSince1970: 1_743_436_800))
        #expect(march.contains(MetricsFixture.at("2025-03-31 23:59")))
        #expect(!march.contains(MetricsFixture.at("2025-04-01 00:00")))
    }

    @Test func weeksFollowISO8601StartingOnMonday() throws {
        let week = Period.week(containing: "2025-01-01")
        #expect(week.first == "2024-12-30")
        #expect(week.last == "2025-01-05")
        #expect(week.description == "2025-W01")
        #expect(Period.isoWeek(of: "2021-01-03") == (2020, 53))
        #expect(Period.weeks(inISOYear: 2020) == 53)
        #expect(Period.weeks(inISOYear: 2025) == 52)
        #expect(Period.week(year: 2025, week: 53) == nil)
        #expect(try #require(Period.week(year: 2020, week: 53)).first == "2020-12-28")
    }

    @Test func quartersAndYearsHoldTheirMonths() throws {
        let q3 = try #require(Period.quarter(year: 2025, quarter: 3))
        #expect(q3.first == "2025-07-01" && q3.last == "2025-09-30")
        #expect(Period.containing("2025-08-15", kind: .quarter) == q3)
        #expect(Period.year(2024).dayCount == 366)
        #expect(Period.quarter(year: 2025, quarter: 5) == nil)
        #expect(Period.month(year: 2025, month: 13) == nil)
        #expect(Period.containing("2025-08-15", kind: .custom) == nil)
    }

    @Test func thePreviousPeriodIsTheOneJustBefore() throws {
        #expect(Period.day("2025-03-01").previous == .day("2025-02-28"))
        #expect(Period.week(containing: "2025-01-01").previous.first == "2024-12-23")
        #expect(Period.month(year: 2025, month: 1)?.previous == Period.month(year: 2024, month: 12))
        #expect(Period.quarter(year: 2025, quarter: 1)?.previous == Period.quarter(year: 2024, quarter: 4))
        #expect(Period.year(2025).previous == Period.year(2024))
        let range = try #require(Period.custom(from: "2025-03-10", through: "2025-03-16"))
        #expect(range.previous == Period.custom(from: "2025-03-03", through: "2025-03-09"))
    }

    @Test func theSamePeriodLastYearKeepsDatesAndWeekNumbers() throws {
        #expect(Period.day("2024-02-29").sameLastYear == .day("2023-02-28"))
        #expect(Period.day("2025-10-01").sameLastYear == .day("2024-10-01"))
        #expect(Period.week(containing: "2025-03-05").sameLastYear.description == "2024-W10")
        let week53 = try #require(Period.week(year: 2021, week: 1)?.previous)
        #expect(week53.description == "2020-W53")
        #expect(week53.sameLastYear.description == "2019-W52")
        #expect(Period.month(year: 2024, month: 2)?.sameLastYear == Period.month(year: 2023, month: 2))
        #expect(Period.quarter(year: 2025, quarter: 2)?.sameLastYear == Period.quarter(year: 2024, quarter: 2))
        let range = try #require(Period.custom(from: "2024-02-20", through: "2024-02-29"))
        #expect(range.sameLastYear == Period.custom(from: "2023-02-20", through: "2023-02-28"))
    }

    @Test(arguments: ["2025-03-03", "2025-W10", "2025-03", "2025-Q1", "2025", "2025-03-01..2025-03-15"])
    func aLabelReadsBackAsTheSamePeriod(label: String) throws {
        let period = try #require(Period(label))
        #expect(period.description == label)
        let stored = try JSONDecoder().decode(Period.self, from: JSONEncoder().encode(period))
        #expect(stored == period)
    }

    @Test(arguments: ["2025-02-30", "2025-W54", "2025-13", "2025-Q0", "25", "2025-03-15..2025-03-01", "2025-3", "March"])
    func aMalformedLabelIsRefused(label: String) {
        #expect(Period(label) == nil)
    }
}
