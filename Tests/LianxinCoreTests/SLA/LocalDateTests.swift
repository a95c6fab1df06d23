import Foundation
import Testing
@testable import LianxinCore

@Suite struct LocalDateTests {
    @Test func convertsBetweenCivilDatesAndDayCounts() throws {
        let cases: [(String, Int)] = [("1970-01-01", 0), ("2000-03-01", 11_017), ("2024-02-29", 19_782), ("1969-12-31", -1)]
        for (text, days) in cases {
            let date = try #require(LocalDate(iso: text))
            #expect(date.daysSinceEpoch == days)
            #expect(date.description == text)
        }
    }

    @Test func refusesImpossibleOrMalformedDates() {
        for text in ["2023-02-29", "2024-13-01", "2024-00-10", "2024-1-01", "20240101", "2024-01-32", "２０２４-01-01"] {
            #expect(LocalDate(iso: text) == nil, "\(text)")
        }
    }

    @Test func knowsTheWeekday() {
        #expect(LocalDate("2024-10-12").isoWeekday == 6)
        #expect(LocalDate("2024-09-29").isoWeekday == 7)
        #expect(LocalDate("2026-02-23").isoWeekday == 1)
        #expect(LocalDate("1969-12-28").isoWeekday == 7)
        #expect(LocalDate("2024-10-12").isWeekend && !LocalDate("2024-10-11").isWeekend)
    }

    @Test func takesTheDayOfAnInstantInBeijing() {
        #expect(LocalDate(beijingTime("2024-10-08 00:00"), in: WorkCalendar.shanghai) == "2024-10-08")
        #expect(LocalDate(beijingTime("2024-10-07 23:59:59"), in: WorkCalendar.shanghai) == "2024-10-07")
        #expect(LocalDate(beijingTime("2024-10-08 07:59"), in: TimeZone(identifier: "UTC")!) == "2024-10-07")
    }

    @Test func codesAsAnISOString() throws {
        let data = try JSONEncoder().encode(["2026-02-14" as LocalDate])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-02-14"]"#)
        #expect(try JSONDecoder().decode([LocalDate].self, from: data) == ["2026-02-14"])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([LocalDate].self, from: Data(#"["2026-2-14"]"#.utf8)) }
    }
}
