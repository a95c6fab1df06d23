import Vapor
import LianxinCore

/// Per-client-address limits on the endpoints anyone can reach: sign-in (password guessing is also
/// slowed by the account lockout, this stops spraying many accounts from one address), the
/// residents' API and Open311 reads. Over the limit: 429 with `Retry-After`, counted in /metrics.
struct RateLimitMiddleware: AsyncMiddleware {
    let loginPerMinute: Int
    let publicPerMinute: Int

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        let limit: (name: String, perMinute: Int)?
        if request.method == .POST, path == "/login" || path == "/api/v1/sessions" {
            limit = ("login", loginPerMinute)
        } else if path.hasPrefix("/api/v1/public/") || path.hasPrefix("/open311/") || path.hasPrefix("/p/") {
            limit = ("public", publicPerMinute)
        } else {
            limit = nil
        }
        guard let limit else { return try await next.respond(to: request) }
        let context = request.lianxin
        let client = request.clientIP ?? "unknown"
        guard context.limits.allow("\(limit.name)-ip:\(client)", perMinute: limit.perMinute, at: context.now()) else {
            context.metrics.increment("lianxin_rate_limited_total", labels: [("limit", limit.name)])
            let problem = Problem(
                .tooManyRequests, type: "rate-limited", title: "Too many requests",
                detail: "Too many requests from your address; wait a minute and try again / 请求过于频繁，请稍后再试")
            let response = await ProblemMiddleware.response(for: problem, request: request)
            response.headers.replaceOrAdd(name: "Retry-After", value: "60")
            return response
        }
        return try await next.respond(to: request)
    }
}
