import Fluent
import Foundation

/// A bearer token for integrations. It acts as its user, with that user's role and scope, until it expires
/// or is revoked, and only while the user's password is current.
final class ApiToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: User
    @Field(key: "name") var name: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    /// When the token stops working (tokens made before expiry existed: their creation plus the lifetime).
    @OptionalField(key: "expires_at") var expiresAt: Date?

    init() {}

    init(tokenHash: String, userID: UUID, name: String, now: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.name = name
        self.createdAt = now
        self.expiresAt = expiresAt
    }
}
