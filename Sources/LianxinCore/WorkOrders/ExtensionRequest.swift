import Foundation

/// A unit's pending request for more time (延期申请), waiting for approval.
public struct ExtensionRequest: Sendable, Hashable, Codable {
    public let extra: TimeLimit
    public let reason: String
    public let requestedAt: Date
    public let requestedBy: UUID?

    public init(extra: TimeLimit, reason: String, requestedAt: Date, requestedBy: UUID?) {
        self.extra = extra
        self.reason = reason
        self.requestedAt = requestedAt
        self.requestedBy = requestedBy
    }
}
