import Foundation

/// A volunteers' points ledger: entries are only ever appended, every balance is derived from them,
/// and no entry may take a balance below zero.
public struct PointsLedger: Sendable, Hashable {
    /// Every entry, in the order appended.
    public private(set) var entries: [PointsEntry]

    /// A ledger holding the stored history `entries`, taken as it is.
    public init(entries: [PointsEntry] = []) {
        self.entries = entries
    }

    /// The volunteer's points: the sum of their entries.
    public func balance(of volunteerID: UUID) -> Int {
        entries.reduce(0) { $1.volunteerID == volunteerID ? $0 + $1.amount : $0 }
    }

    /// The balance left after `volunteerID` spends `points`; throws when that would be below zero.
    public func balanceAfterSpending(_ points: Int, by volunteerID: UUID) throws(PointsLedgerError) -> Int {
        guard points > 0 else { throw .spendNotPositive(points) }
        let balance = balance(of: volunteerID)
        guard balance >= points else {
            throw .insufficientBalance(volunteerID: volunteerID, balance: balance, requested: points)
        }
        return balance - points
    }

    /// Appends `entry`; refuses a second entry with the same id, or one that would take the balance below zero.
    public mutating func append(_ entry: PointsEntry) throws(PointsLedgerError) {
        guard !entries.contains(where: { $0.id == entry.id }) else { throw .duplicateEntry(entry.id) }
        if entry.amount < 0 {
            _ = try balanceAfterSpending(-entry.amount, by: entry.volunteerID)
        }
        entries.append(entry)
    }
}
