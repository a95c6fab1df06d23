import Foundation
import LianxinCore
import Testing

@Suite struct EarnRulesTests {
    private func rules(_ rounding: PointsRounding) throws -> EarnRules {
        try EarnRules(pointsPerServiceHour: 10, serviceRounding: rounding, pointsPerWish: 5, pointsPerEvent: 2)
    }

    @Test func serviceEarnsPointsPerHourRoundedByTheRule() throws {
        // 1 h 45 min at 10 points an hour is 17.5 points; 1 h 27 min is 14.5.
        #expect(try rules(.down).points(for: .service(minutes: 105)) == 17)
        #expect(try rules(.nearest).points(for: .service(minutes: 105)) == 18)
        #expect(try rules(.up).points(for: .service(minutes: 105)) == 18)
        #expect(try rules(.nearest).points(for: .service(minutes: 87)) == 15)
        #expect(try rules(.nearest).points(for: .service(minutes: 84)) == 14)
        #expect(try rules(.up).points(for: .service(minutes: 1)) == 1)
        #expect(try rules(.down).points(for: .service(minutes: 120)) == 20)
    }

    @Test func wholeHoursOnlyIsOnePointAnHourRoundedDown() throws {
        let rules = try EarnRules(pointsPerServiceHour: 1, serviceRounding: .down, pointsPerWish: 0, pointsPerEvent: 0)
        #expect(rules.points(for: .service(minutes: 119)) == 1)
    }

    @Test func wishesAndEventsEarnTheirFixedPoints() throws {
        #expect(try rules(.down).points(for: .wishFulfilled) == 5)
        #expect(try rules(.down).points(for: .eventAttended) == 2)
    }

    @Test func anEarningBecomesALedgerEntryUnderItsReason() throws {
        let entry = try #require(
            try rules(.down).entry(
                for: .service(minutes: 180), id: CommunityFixtures.id(1), volunteerID: CommunityFixtures.id(2),
                referenceID: nil, time: CommunityFixtures.instant("2025-03-06 17:00")))
        #expect(entry.amount == 30 && entry.reason == .serviceHours)
        #expect(
            try rules(.down).entry(
                for: .service(minutes: 5), id: CommunityFixtures.id(1), volunteerID: CommunityFixtures.id(2),
                referenceID: nil, time: CommunityFixtures.instant("2025-03-06 17:00")) == nil)
    }

    @Test func negativeRatesAreRefused() {
        #expect(throws: EarnRulesError.negativeRate(name: "pointsPerWish", value: -5)) {
            try EarnRules(pointsPerServiceHour: 10, serviceRounding: .down, pointsPerWish: -5, pointsPerEvent: 2)
        }
    }

    @Test func rulesAreStoredAsJSONData() throws {
        let json = #"{"pointsPerServiceHour":10,"serviceRounding":"nearest","pointsPerWish":5,"pointsPerEvent":2}"#
        #expect(try JSONDecoder().decode(EarnRules.self, from: Data(json.utf8)) == rules(.nearest))
        let negative = json.replacingOccurrences(of: #""pointsPerEvent":2"#, with: #""pointsPerEvent":-2"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(EarnRules.self, from: Data(negative.utf8)) }
    }
}
