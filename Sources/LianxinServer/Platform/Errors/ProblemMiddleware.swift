import Vapor
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver

/// Turns every error into RFC 9457 problem JSON for API callers, or an error page for browsers,
/// and logs server errors with the request id. Replaces Vapor's `ErrorMiddleware`.
struct ProblemMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return await Self.response(for: error, request: request)
        }
    }

    static func response(for error: any Error, request: Request) async -> Response {
        let found = Self.problem(from: error)
        let problem = found.localized(request.messageLanguage, request.lianxin.localizer)
        if problem.status.code >= 500 {
            request.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
        } else {
            request.logger.debug("request refused", metadata: ["status": "\(problem.status.code)", "detail": "\(problem.detail)"])
        }
        if wantsHTML(request) {
            if problem.status == .unauthorized {
                let back = request.url.path.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "/"
                return request.redirect(to: "/login?next=\(back)")
            }
            if let page = try? await ErrorPage.render(found.localized(request.language, request.lianxin.localizer), on: request) {
                return page
            }
        }
        let body = ProblemBody(
            type: "https://lianxin.invalid/problems/\(problem.type)", title: problem.title,
            status: Int(problem.status.code), detail: problem.detail,
            instance: request.url.path, requestId: request.id,
            errors: problem.errors.isEmpty ? nil : problem.errors)
        let response = Response(status: problem.status)
        do {
            try response.content.encode(body, as: .json)
        } catch {
            response.body = .init(string: "{\"status\":\(problem.status.code)}")
        }
        response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])
        return response
    }

    /// Maps any error to a problem: ours as they are, Vapor's aborts and decoding errors as 4xx,
    /// anything else as a 500 that reveals nothing.
    static func problem(from error: any Error) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let decoding as DecodingError:
            return decodingProblem(decoding)
        case let abort as any AbortError:
            let status = abort.status
            let type = status.code == 404 ? "not-found" : status.code == 413 ? "payload-too-large" : "http-\(status.code)"
            return Problem(status, type: type, title: status.reasonPhrase, detail: abort.reason)
        case _ where isMalformedForm(error):
            return Problem(
                .badRequest, type: "malformed-body", title: "Bad Request",
                detail: "The form body could not be read (malformed multipart or URL-encoded data) / 表单内容无法解析")
        case let sqlite as SQLiteError where sqlite.reason == .full:
            return Problem(
                .insufficientStorage, type: "storage-full", title: "Storage full",
                detail: "The server's disk is full; nothing was saved. Try again later / 服务器磁盘已满，本次未保存，请稍后重试")
        case _ where isUnavailable(error):
            return Problem(
                .serviceUnavailable, type: "database-unavailable", title: "Service Unavailable",
                detail: "The database cannot be reached right now; nothing was saved. Try again shortly / 数据库暂不可用，本次未保存，请稍后重试")
        default:
            return Problem(
                .internalServerError, type: "internal", title: "Internal Server Error",
                detail: "Something went wrong; the request id identifies it in the logs / 服务器内部错误")
        }
    }

    /// Whether a form decoder gave up on the body: MultipartKit's parser and decoder errors (some are
    /// private types, so they are recognised by module) and URL-encoded form errors. The client sent it.
    static func isMalformedForm(_ error: any Error) -> Bool {
        let name = String(reflecting: type(of: error))
        return name.hasPrefix("MultipartKit.") || name.hasPrefix("Vapor.URLEncodedForm")
    }

    /// Whether the database could not be reached (restarting, network, pool closed, disk I/O):
    /// the request did not happen and may be retried, so 503 rather than 500.
    static func isUnavailable(_ error: any Error) -> Bool {
        switch error {
        case let psql as PSQLError:
            if [.connectionError, .serverClosedConnection, .clientClosedConnection, .poolClosed, .uncleanShutdown].contains(psql.code) {
                return true
            }
            // Connection exceptions (class 08) and the server starting, stopping or recovering (57P0x).
            guard psql.code == .server, let state = psql.serverInfo?[.sqlState] else { return false }
            return state.hasPrefix("08") || state.hasPrefix("57P")
        case let database as any DatabaseError where database.isConnectionClosed:
            return true
        case let sqlite as SQLiteError:
            return [.ioError, .busy, .locked, .cantOpen, .readOnly].contains(sqlite.reason)
        case is NIOConnectionError, is ChannelError:
            return true
        case let io as IOError:
            return [ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT].contains(io.errnoCode)
        default:
            return false
        }
    }

    private static func decodingProblem(_ error: DecodingError) -> Problem {
        func path(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (key.map { [$0] } ?? [])
            return "/" + keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "/")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .invalid(field: path(context, key), "is required / 此项必填")
        case .valueNotFound(_, let context):
            return .invalid(field: path(context), "must not be empty / 此项不能为空")
        case .typeMismatch(let type, let context):
            return .invalid(field: path(context), "has the wrong kind of value (expected \(Self.kind(of: type))) / 填写的内容类型不对")
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? Problem(.badRequest, type: "malformed-body", title: "Bad Request", detail: "The body is not valid JSON / 请求体不是有效的 JSON")
                : .invalid(field: path(context), "is not in the expected form / 格式不正确")
        @unknown default:
            return Problem(.badRequest, type: "malformed-body", title: "Bad Request", detail: "\(error)")
        }
    }

    /// What a decoder expected, in words rather than a Swift type name.
    private static func kind(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Bool.Type: "true or false"
        case is Int.Type, is Double.Type, is Int64.Type, is Float.Type: "a number"
        default: String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }

    private static func wantsHTML(_ request: Request) -> Bool {
        let path = request.url.path
        if path.hasPrefix("/api/") || path.hasPrefix("/open311/") || path == "/metrics" || path == "/healthz" || path == "/readyz" {
            return false
        }
        return request.headers[.accept].contains { $0.contains("text/html") } || request.method == .GET
            || request.headers.contentType == .urlEncodedForm
    }
}
