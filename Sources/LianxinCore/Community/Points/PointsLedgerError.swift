import Foundation

/// Why a points entry or spend was refused.
public enum PointsLedgerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The amount's sign does not fit the reason (earnings are positive, exchanges negative, nothing is zero).
    case amountDoesNotFitReason(amount: Int, reason: PointsReason)
    /// A spend was asked for with a zero or negative number of points.
    case spendNotPositive(Int)
    /// The ledger already holds an entry with this id.
    case duplicateEntry(UUID)
    /// The volunteer has fewer points than the spend needs.
    case insufficientBalance(volunteerID: UUID, balance: Int, requested: Int)

    public var description: String {
        switch self {
        case .amountDoesNotFitReason(let amount, let reason):
            "\(amount) points cannot be recorded as \(reason.rawValue)"
        case .spendNotPositive(let points):
            "a spend must be a positive number of points, not \(points)"
        case .duplicateEntry(let id):
            "the ledger already has entry \(id)"
        case .insufficientBalance(let volunteerID, let balance, let requested):
            "volunteer \(volunteerID) has \(balance) points, fewer than the \(requested) requested"
        }
    }
}
