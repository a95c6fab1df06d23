import Foundation
import Testing
@testable import LianxinCore

@Suite struct WorkOrderNumberTests {
    @Test func numbersOrdersByTheirBeijingDay() throws {
        #expect(WorkOrderNumber(createdAt: beijingTime("2024-10-08 23:59"), sequence: 123)?.description == "20241008000123")
        // 16:30 UTC is already the next day in Beijing.
        let utc = try #require(ISO8601DateFormatter().date(from: "2024-10-08T16:30:00Z"))
        #expect(WorkOrderNumber(createdAt: utc, sequence: 1)?.description == "20241009000001")
        #expect(WorkOrderNumber(createdAt: utc, sequence: 999_999)?.description == "20241009999999")
    }

    @Test func refusesSequencesOutsideTheDailyRange() {
        #expect(WorkOrderNumber(day: "2024-10-08", sequence: 0) == nil)
        #expect(WorkOrderNumber(day: "2024-10-08", sequence: 1_000_000) == nil)
    }

    @Test func readsNumbersBack() throws {
        let number = try #require(WorkOrderNumber("20260214000042"))
        #expect(number.day == "2026-02-14" && number.sequence == 42)
        for text in ["2026021400004", "20260230000001", "20260214000000", "2026021400004x", "２0260214000042"] {
            #expect(WorkOrderNumber(text) == nil, "\(text)")
        }
        #expect(try #require(WorkOrderNumber("20260213999999")) < number)
        let data = try JSONEncoder().encode([number])
        #expect(String(decoding: data, as: UTF8.self) == #"["20260214000042"]"#)
        #expect(try JSONDecoder().decode([WorkOrderNumber].self, from: data) == [number])
    }
}
