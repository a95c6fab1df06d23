import Foundation
import Testing
@testable import LianxinCore

/// 重复诉求: which earlier order a new call repeats.
@Suite struct RepeatRuleTests {
    typealias Candidate = RepeatRule.Candidate
    static let now = Date(timeIntervalSince1970: 1_744_600_000)
    static func id(_ byte: UInt8) -> UUID { UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, byte)) }
    static func days(_ n: Double) -> Date { now.addingTimeInterval(-n * 86_400) }
    static let here = GeoPoint(lon: 117.943, lat: 28.454)

    static func candidate(
        _ byte: UInt8, caller: String? = "caller-a", category: String = "0601", daysAgo: Double = 3, status: WorkOrderStatus = .signed,
        location: GeoPoint? = nil
    ) -> Candidate {
        Candidate(id: id(byte), callerHash: caller, categoryCode: category, receivedAt: days(daysAgo), status: status, location: location)
    }

    @Test func theEarliestOpenOrderOfTheSameCallerAndCategoryInTheWindowIsTheOriginal() {
        let rule = RepeatRule(windowDays: 30)
        let candidates = [
            Self.candidate(1, daysAgo: 2), Self.candidate(2, daysAgo: 10), Self.candidate(3, daysAgo: 31),
            Self.candidate(4, caller: "caller-b", daysAgo: 20), Self.candidate(5, category: "0602", daysAgo: 25),
            Self.candidate(6, daysAgo: 15, status: .closed), Self.candidate(7, daysAgo: 16, status: .shelved),
            Self.candidate(8, daysAgo: 17, status: .merged), Self.candidate(9, daysAgo: 18, status: .cancelled),
        ]
        let original = rule.original(callerHash: "caller-a", categoryCode: "0601", receivedAt: Self.now, among: candidates)
        // 3 is outside the window, 4 another caller, 5 another category, 6–9 no longer open → 2, the earlier of 1 and 2.
        #expect(original?.id == Self.id(2))
    }

    @Test func anUnknownCallerAZeroWindowOrAnotherPlaceLinkNothing() {
        let candidates = [Self.candidate(1, location: Self.here)]
        #expect(RepeatRule().original(callerHash: nil, categoryCode: "0601", receivedAt: Self.now, among: candidates) == nil)
        #expect(RepeatRule(windowDays: 0).original(callerHash: "caller-a", categoryCode: "0601", receivedAt: Self.now, among: candidates) == nil)
        let twoKilometresNorth = GeoPoint(lon: 117.943, lat: 28.472)
        #expect(
            RepeatRule().original(
                callerHash: "caller-a", categoryCode: "0601", receivedAt: Self.now, location: twoKilometresNorth, among: candidates) == nil)
        let nextDoor = GeoPoint(lon: 117.9435, lat: 28.4542)
        #expect(
            RepeatRule().original(callerHash: "caller-a", categoryCode: "0601", receivedAt: Self.now, location: nextDoor, among: candidates)?
                .id == Self.id(1))
        // Without a position on one side, the caller and the category decide.
        #expect(RepeatRule().original(callerHash: "caller-a", categoryCode: "0601", receivedAt: Self.now, among: candidates)?.id == Self.id(1))
    }
}
