import Vapor
import LianxinCore

/// `/admin/readiness` (上线检查) and `GET /api/v1/readiness`: what still blocks dispatching in the
/// administrator's division — a category without a unit in some township, a unit without a
/// liaison, a grid without a member, a missing holiday calendar — each with the page that fixes it.
struct ReadinessController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "readiness", use: page)
        routes.get("api", "v1", "readiness", use: api)
    }

    struct PageModel: Encodable, Sendable {
        let ready: Bool
        let blockers: [ReadinessReport.Line]
        let warnings: [ReadinessReport.Line]
    }

    func page(req: Request) async throws -> Response {
        let principal = try await req.require(.manageRules)
        let report = try await ReadinessReport.make(
            within: principal.division, on: req.db, localizer: req.lianxin.localizer, language: req.language)
        let model = PageModel(
            ready: report.ready, blockers: report.lines.filter { $0.severity == Readiness.Severity.blocker.rawValue },
            warnings: report.lines.filter { $0.severity == Readiness.Severity.warning.rawValue })
        return try await req.page("setup/readiness", title: "readiness_title", model: model)
    }

    struct Body: Content, Sendable {
        let ready: Bool
        let findings: [ReadinessReport.Line]
    }

    func api(req: Request) async throws -> Body {
        let principal = try await req.require(.manageRules)
        let report = try await ReadinessReport.make(
            within: principal.division, on: req.db, localizer: req.lianxin.localizer, language: req.messageLanguage)
        return Body(ready: report.ready, findings: report.lines)
    }
}
