import Vapor

/// Counts requests and their latency by route, and echoes the request id to the caller.
struct RequestObservationMiddleware: AsyncMiddleware {
    let metrics: MetricsRegistry

    init(metrics: MetricsRegistry) {
        self.metrics = metrics
        metrics.describe("lianxin_http_requests_total", type: "counter", help: "HTTP requests by route, method and status.")
        metrics.describe("lianxin_http_request_duration_seconds", type: "histogram", help: "HTTP request latency by route.")
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            response = await ProblemMiddleware.response(for: error, request: request)
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        metrics.increment(
            "lianxin_http_requests_total",
            labels: [("route", route), ("method", request.method.rawValue), ("status", String(response.status.code))])
        metrics.observe("lianxin_http_request_duration_seconds", labels: [("route", route)], value: seconds)
        response.headers.replaceOrAdd(name: "X-Request-Id", value: request.id)
        return response
    }
}
