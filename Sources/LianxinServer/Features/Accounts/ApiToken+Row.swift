import Vapor
import LianxinCore

/// A bearer token as a row of a tokens page (one's own, or the security administrator's).
struct ApiTokenRow: Encodable, Sendable {
    var id: String
    var name: String
    var owner: String
    var createdAt: String
    var expiresAt: String
    var lastUsedAt: String
    var status: String
    var active: Bool
}

extension ApiTokenRow {
    init(_ token: ApiToken, owner: String, req: Request) {
        let now = req.lianxin.now()
        let expires = token.expiresAt ?? token.createdAt.addingTimeInterval(TimeInterval(req.lianxin.settings.access.tokenLifetimeDays) * 86_400)
        self.init(
            id: token.id?.uuidString ?? "", name: token.name, owner: owner, createdAt: ChinaTime.minute(token.createdAt),
            expiresAt: ChinaTime.minute(expires), lastUsedAt: token.lastUsedAt.map(ChinaTime.minute) ?? "—",
            status: token.revokedAt != nil
                ? req.t("security_token_revoked") : expires <= now ? req.t("security_token_expired") : req.t("security_token_active"),
            active: token.revokedAt == nil && expires > now)
    }
}
