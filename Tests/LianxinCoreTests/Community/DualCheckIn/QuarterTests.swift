import Foundation
import LianxinCore
import Testing

@Suite struct QuarterTests {
    @Test func aQuarterRunsFromTheFirstOfItsFirstMonthToTheLastOfItsThird() throws {
        #expect(try #require(Quarter(year: 2025, number: 1)).days == "2025-01-01"..."2025-03-31")
        #expect(try #require(Quarter(year: 2024, number: 4)).days == "2024-10-01"..."2024-12-31")
        #expect(Quarter(year: 2025, number: 5) == nil)
    }

    @Test func anInstantBelongsToItsQuarterInBeijingTime() {
        // 2025-03-31 16:30 UTC is already 1 April in Beijing.
        #expect(Quarter(containing: CommunityFixtures.instant("2025-04-01 00:30")) == Quarter(year: 2025, number: 2))
        #expect(Quarter(containing: "2025-03-31") == Quarter(year: 2025, number: 1))
    }

    @Test func quartersAreWrittenAndReadAs2025DashQ1() throws {
        let quarter = try #require(Quarter(year: 2025, number: 1))
        #expect(quarter.description == "2025-Q1")
        #expect(Quarter("2025-Q1") == quarter && Quarter("2025q1") == quarter)
        #expect(Quarter("2025-Q5") == nil && Quarter("25-Q1") == nil && Quarter("2025") == nil)
        #expect(try JSONDecoder().decode([Quarter].self, from: Data(#"["2025-Q1"]"#.utf8)) == [quarter])
        #expect(try String(data: JSONEncoder().encode([quarter]), encoding: .utf8) == #"["2025-Q1"]"#)
    }

    @Test func quartersAreOrderedInTime() throws {
        #expect(try #require(Quarter(year: 2024, number: 4)) < #require(Quarter(year: 2025, number: 1)))
    }
}
