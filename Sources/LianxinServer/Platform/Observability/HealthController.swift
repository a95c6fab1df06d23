import Vapor
import Fluent
import SQLKit
import Crypto
import LianxinCore

/// Liveness, readiness and metrics for operators and load balancers.
struct HealthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("healthz", use: healthz)
        routes.get("readyz", use: readyz)
        routes.get("metrics", use: metrics)
        routes.get("openapi.json") { req in try OpenAPIDocument.response(for: req) }
    }

    /// The process is up.
    func healthz(req: Request) async throws -> Response {
        Response(status: .ok, headers: ["Content-Type": "text/plain; charset=utf-8"], body: "ok\n")
    }

    /// The database answers and every migration has been applied.
    func readyz(req: Request) async throws -> Response {
        let text: String
        let status: HTTPResponseStatus
        do {
            let sql = req.db.sql
            let row = try await sql.raw("SELECT COUNT(*) AS n FROM _fluent_migrations").first()
            let applied = try row?.decode(column: "n", as: Int.self) ?? 0
            let expected = MigrationHistory.all.count
            if applied >= expected {
                (status, text) = (.ok, "ready: database reachable, \(applied) migrations applied\n")
            } else {
                (status, text) = (.serviceUnavailable, "not ready: \(applied) of \(expected) migrations applied; run `lianxin migrate`\n")
            }
        } catch {
            req.logger.warning("readiness check failed", metadata: ["error": "\(error)"])
            (status, text) = (.serviceUnavailable, "not ready: database unreachable\n")
        }
        return Response(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: .init(string: text))
    }

    /// Prometheus text exposition, for the scraper only: with `LIANXIN_METRICS_TOKEN` set, a request bearing
    /// it; otherwise a direct connection from this machine (a request that came through a proxy carries
    /// `X-Forwarded-For` and is refused, since the proxy's own connection is local).
    func metrics(req: Request) async throws -> Response {
        guard Self.mayReadMetrics(req) else {
            await req.audit(.permissionDenied, result: .denied, target: "GET /metrics", detail: "not the metrics scraper")
            throw Problem.forbidden
        }
        return Response(
            status: .ok, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(string: req.lianxin.metrics.exposition()))
    }

    static func mayReadMetrics(_ req: Request) -> Bool {
        if let expected = req.lianxin.settings.access.metricsToken {
            guard let given = req.headers.bearerAuthorization?.token else { return false }
            let a = Array(SHA256.hash(data: Data(given.utf8))), b = Array(SHA256.hash(data: Data(expected.utf8)))
            return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
        }
        guard let peer = req.remoteAddress?.ipAddress, !req.headers.contains(name: .xForwardedFor), !req.headers.contains(name: .forwarded)
        else { return false }
        return OutboundTarget.isLoopbackHost(peer)
    }
}
