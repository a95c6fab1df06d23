import Foundation
import LianxinCore
import Testing

@Suite struct RecurrenceRuleTests {
    private let afternoon: TimeWindow = {
        guard let start = TimeOfDay(hour: 14), let end = TimeOfDay(hour: 17), let window = try? TimeWindow(start: start, end: end)
        else { preconditionFailure("14:00-17:00 is a window") }
        return window
    }()

    @Test func listsAreSortedAndDeduplicated() throws {
        let weekly = try RecurrenceRule(.weekly(weekdays: [.thursday, .tuesday, .thursday]), window: afternoon)
        #expect(weekly.pattern == .weekly(weekdays: [.tuesday, .thursday]))
        let market = try RecurrenceRule(.lunarMarketDays(digits: [0, 5, 5]), window: afternoon)
        #expect(market.pattern == .lunarMarketDays(digits: [5, 0]))
    }

    @Test func rulesThatCanNeverOccurAreRefused() {
        #expect(throws: RecurrenceRuleError.noWeekdays) { try RecurrenceRule(.weekly(weekdays: []), window: afternoon) }
        #expect(throws: RecurrenceRuleError.dayOfMonthOutOfRange(32)) {
            try RecurrenceRule(.monthlyByDay(day: 32), window: afternoon)
        }
        #expect(throws: RecurrenceRuleError.noMarketDays) { try RecurrenceRule(.lunarMarketDays(digits: []), window: afternoon) }
        #expect(throws: RecurrenceRuleError.marketDigitOutOfRange(10)) {
            try RecurrenceRule(.lunarMarketDays(digits: [5, 10]), window: afternoon)
        }
    }

    @Test func aWindowMustEndAfterItStarts() throws {
        let five = try #require(TimeOfDay("17:00")), two = try #require(TimeOfDay("14:00"))
        #expect(throws: RecurrenceRuleError.emptyTimeWindow(start: five, end: two)) { try TimeWindow(start: five, end: two) }
        #expect(throws: RecurrenceRuleError.emptyTimeWindow(start: two, end: two)) { try TimeWindow(start: two, end: two) }
    }

    @Test func timesAreReadOnlyWhenTheyAreOnAClock() {
        #expect(TimeOfDay("8:00")?.description == "08:00")
        #expect(TimeOfDay("24:00")?.minutesSinceMidnight == 1_440)
        #expect(TimeOfDay("24:30") == nil)
        #expect(TimeOfDay("12:60") == nil)
        #expect(TimeOfDay("1200") == nil)
        #expect(TimeOfDay("１2:00") == nil)
    }

    @Test func aRuleSurvivesAJSONRoundTripWithItsExceptionsInOrder() throws {
        let rule = try RecurrenceRule(
            .monthlyByWeekday(ordinal: .first, weekday: .saturday), window: afternoon, skipsHolidays: true,
            skippedDates: ["2025-05-03", "2025-02-01"])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try #require(String(data: encoder.encode(rule), encoding: .utf8))
        #expect(json.contains(#""skippedDates":["2025-02-01","2025-05-03"]"#))
        #expect(json.contains(#""window":{"end":"17:00","start":"14:00"}"#))
        #expect(try JSONDecoder().decode(RecurrenceRule.self, from: Data(json.utf8)) == rule)
    }

    @Test func storedJSONDescribingAnImpossibleRuleIsRefused() {
        let json = #"{"pattern":{"monthlyByDay":{"day":40}},"window":{"start":"14:00","end":"17:00"}}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RecurrenceRule.self, from: Data(json.utf8)) }
        let backwards = #"{"pattern":{"once":{"date":"2025-03-06"}},"window":{"start":"17:00","end":"14:00"}}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RecurrenceRule.self, from: Data(backwards.utf8)) }
    }
}
