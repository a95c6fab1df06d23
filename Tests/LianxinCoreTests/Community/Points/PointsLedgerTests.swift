import Foundation
import LianxinCore
import Testing

@Suite struct PointsLedgerTests {
    private let volunteer = CommunityFixtures.id(1)
    private let other = CommunityFixtures.id(2)

    private func entry(_ number: Int, _ amount: Int, _ reason: PointsReason, for volunteerID: UUID? = nil) throws -> PointsEntry {
        try PointsEntry(
            id: CommunityFixtures.id(100 + number), volunteerID: volunteerID ?? volunteer, amount: amount,
            reason: reason, referenceID: nil, time: CommunityFixtures.instant("2025-03-06 17:00"))
    }

    @Test func theBalanceIsTheSumOfTheVolunteersEntries() throws {
        let ledger = try PointsLedger(entries: [
            entry(1, 30, .serviceHours), entry(2, 5, .wishFulfilled), entry(3, -20, .exchange), entry(4, 7, .eventAttended, for: other),
        ])
        #expect(ledger.balance(of: volunteer) == 15)
        #expect(ledger.balance(of: other) == 7)
        #expect(ledger.balance(of: CommunityFixtures.id(3)) == 0)
    }

    @Test func aSpendWithinTheBalanceLeavesTheRest() throws {
        let ledger = try PointsLedger(entries: [entry(1, 30, .serviceHours)])
        #expect(try ledger.balanceAfterSpending(30, by: volunteer) == 0)
    }

    @Test func aSpendBeyondTheBalanceIsRefusedWithTheBalance() throws {
        var ledger = try PointsLedger(entries: [entry(1, 30, .serviceHours)])
        #expect(throws: PointsLedgerError.insufficientBalance(volunteerID: volunteer, balance: 30, requested: 31)) {
            try ledger.balanceAfterSpending(31, by: volunteer)
        }
        let tooMuch = try entry(2, -31, .exchange)
        #expect(throws: PointsLedgerError.insufficientBalance(volunteerID: volunteer, balance: 30, requested: 31)) {
            try ledger.append(tooMuch)
        }
        #expect(ledger.entries.count == 1)
    }

    @Test func aDownwardAdjustmentCannotTakeTheBalanceBelowZeroEither() throws {
        var ledger = try PointsLedger(entries: [entry(1, 10, .eventAttended)])
        try ledger.append(entry(2, -10, .adjustment))
        #expect(ledger.balance(of: volunteer) == 0)
        let more = try entry(3, -1, .adjustment)
        #expect(throws: PointsLedgerError.self) { try ledger.append(more) }
    }

    @Test func anEntryIsAppendedOnlyOnce() throws {
        var ledger = PointsLedger()
        let earning = try entry(1, 10, .serviceHours)
        try ledger.append(earning)
        #expect(throws: PointsLedgerError.duplicateEntry(earning.id)) { try ledger.append(earning) }
        #expect(ledger.balance(of: volunteer) == 10)
    }

    @Test func aSpendMustBePositive() throws {
        #expect(throws: PointsLedgerError.spendNotPositive(0)) { try PointsLedger().balanceAfterSpending(0, by: volunteer) }
    }

    @Test(arguments: [
        (10, PointsReason.exchange), (-10, .serviceHours), (-1, .wishFulfilled), (0, .eventAttended), (0, .adjustment),
    ])
    func anAmountWhoseSignDoesNotFitItsReasonIsRefused(amount: Int, reason: PointsReason) {
        #expect(throws: PointsLedgerError.amountDoesNotFitReason(amount: amount, reason: reason)) {
            try entry(1, amount, reason)
        }
    }

    @Test func entriesSurviveAJSONRoundTripAndBadStoredOnesAreRefused() throws {
        let earning = try PointsEntry(
            id: CommunityFixtures.id(9), volunteerID: volunteer, amount: 12, reason: .serviceHours,
            referenceID: CommunityFixtures.id(77), time: CommunityFixtures.instant("2025-03-06 17:00"))
        let data = try JSONEncoder().encode(earning)
        #expect(try JSONDecoder().decode(PointsEntry.self, from: data) == earning)
        let json = try #require(String(data: data, encoding: .utf8)).replacingOccurrences(of: #""amount":12"#, with: #""amount":-12"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(PointsEntry.self, from: Data(json.utf8)) }
    }
}
