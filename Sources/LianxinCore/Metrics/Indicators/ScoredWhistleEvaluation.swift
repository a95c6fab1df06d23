import Foundation

/// One department's score from one whistle (一哨一评), on a 0–100 scale, as the whistle's evaluation formula gave it.
public struct ScoredWhistleEvaluation: Sendable, Hashable, Codable {
    public let whistleID: UUID
    public let departmentID: UUID
    public let evaluatedAt: Date
    public let score: Double

    public init(whistleID: UUID, departmentID: UUID, evaluatedAt: Date, score: Double) {
        self.whistleID = whistleID
        self.departmentID = departmentID
        self.evaluatedAt = evaluatedAt
        self.score = score
    }
}
