import Vapor
import Crypto

/// Refuses unsafe requests that rely on a cookie unless they carry the matching CSRF token, in the
/// form field `_csrf` or the `X-CSRF-Token` header. Signed-in sessions use the session's token;
/// the login form uses a double-submit cookie. Bearer-token requests carry no ambient credential.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookie = "lianxin_csrf"
    static let field = "_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method), request.headers.bearerAuthorization == nil else {
            return try await next.respond(to: request)
        }
        // A JSON body cannot be sent cross-site without a CORS preflight, which this server never grants;
        // so a JSON call that carries no session (the API sign-in) needs no token.
        if request.principal == nil, request.headers.contentType == .json {
            return try await next.respond(to: request)
        }
        // The residents' API acts on the tracking code in the URL and Open311 on its api_key, never on
        // a cookie: nothing for a forged request to borrow, so they need no token.
        if request.principal == nil, request.url.path.hasPrefix("/api/v1/public/") || request.url.path.hasPrefix("/open311/") {
            return try await next.respond(to: request)
        }
        if request.headers.first(name: "X-CSRF-Token") == nil, request.body.data == nil {
            // A form with a photo carries its token in the multipart body: read up to the photo limit
            // (the public one on the residents' pages).
            let settings = request.lianxin.settings
            let photo = request.url.path.hasPrefix("/p/") ? settings.exposure.publicPhotoBytes : settings.maxUploadBytes
            let limit = request.headers.contentType?.type == "multipart" ? photo + 65_536 : 1 << 20
            _ = try await request.body.collect(max: limit).get()
        }
        let expected = request.principal?.csrfToken ?? request.cookies[Self.cookie]?.string
        let presented = request.headers.first(name: "X-CSRF-Token") ?? (try? request.content.get(String.self, at: Self.field))
        guard let expected, let presented, Self.constantTimeEquals(expected, presented) else {
            await request.audit(.csrfRejected, result: .denied, target: "\(request.method.rawValue) \(request.url.path)")
            throw Problem(
                .forbidden, type: "csrf", title: "Forbidden",
                detail: "The form has expired or did not come from this site; reload the page and try again / 表单已失效，请刷新页面后重试")
        }
        return try await next.respond(to: request)
    }

    /// The token to put in a form on this request, setting the pre-login cookie when needed.
    static func token(for request: Request) -> String {
        if let token = request.principal?.csrfToken { return token }
        if let token = request.cookies[cookie]?.string { return token }
        let token = FieldCipher.randomToken(bytes: 24)
        request.storage[PendingCookie.self] = token
        return token
    }

    struct PendingCookie: StorageKey { typealias Value = String }

    private static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Sets the pre-login CSRF cookie when a page handed one out.
struct PendingCookieMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if let token = request.storage[CSRFMiddleware.PendingCookie.self] {
            response.cookies[CSRFMiddleware.cookie] = HTTPCookies.Value(
                string: token, isSecure: request.lianxin.settings.publicBaseURL.hasPrefix("https:"),
                isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }
}
