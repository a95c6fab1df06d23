import Vapor
import NIOConcurrencyHelpers

/// Counts the requests being handled, so that shutdown can wait for them: Vapor stops accepting
/// connections and then shuts the databases down, while handlers already running (an intake
/// waiting for its group commit, say) may still need them. The drain runs as a lifecycle step
/// before the databases close.
final class InFlightRequests: Sendable {
    private let state = NIOLockedValueBox((count: 0, closing: false))

    var current: Int { state.withLockedValue { $0.count } }

    /// Counts a new request, or refuses it (false) once shutdown has begun.
    func enter() -> Bool {
        state.withLockedValue { state in
            guard !state.closing else { return false }
            state.count += 1
            return true
        }
    }

    func leave() { state.withLockedValue { $0.count -= 1 } }

    /// From now on new requests are turned away.
    func close() { state.withLockedValue { $0.closing = true } }

    /// Waits until no request is in flight, at most `timeout` seconds; returns how many were left.
    func drain(timeout: TimeInterval) async -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while current > 0, Date() < deadline {
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        return current
    }
}

/// The outermost middleware: every request is counted while it runs.
struct InFlightMiddleware: AsyncMiddleware {
    let requests: InFlightRequests

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard requests.enter() else {
            // Shutting down: the client should go to another instance (or retry shortly).
            let response = Response(
                status: .serviceUnavailable,
                headers: ["Content-Type": "application/problem+json; charset=utf-8", "Connection": "close", "Retry-After": "5"],
                body: .init(
                    string:
                        #"{"type":"https://lianxin.invalid/problems/shutting-down","title":"Service Unavailable","status":503,"detail":"This server is shutting down; nothing was saved. Try again / 服务器正在停止，本次未保存，请重试"}"#
                ))
            return response
        }
        defer { requests.leave() }
        return try await next.respond(to: request)
    }
}

/// Turns new requests away and lets those in flight finish (up to 15 s) before the databases are shut down.
struct DrainRequestsOnShutdown: LifecycleHandler {
    let requests: InFlightRequests

    func shutdownAsync(_ application: Application) async {
        requests.close()
        guard requests.current > 0 else { return }
        let started = Date()
        let left = await requests.drain(timeout: 15)
        application.logger.notice(
            "shutdown: in-flight requests drained",
            metadata: ["waited_ms": "\(Int(Date().timeIntervalSince(started) * 1000))", "abandoned": "\(left)"])
    }
}
