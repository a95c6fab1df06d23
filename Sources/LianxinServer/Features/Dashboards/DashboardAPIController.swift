import Vapor
import Fluent
import SQLKit
import LianxinCore

/// The dashboard API: indicator definitions, dashboards, rankings, drill-down to the orders behind a figure,
/// streamed CSV exports of those orders, and the assessment schemes as data.
struct DashboardAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("indicators", use: indicators)
        api.get("dashboard", use: dashboard)
        api.get("dashboard", "orders", use: drillDown)
        api.get("dashboard", "orders.csv", use: export)
        api.get("rankings", use: rankings)
        api.get("assessment-schemes", use: schemes)
        api.put("assessment-schemes", ":code", use: saveScheme)
    }

    func indicators(req: Request) async throws -> IndicatorsDTO {
        _ = try await req.require(.viewWorkOrders)
        let scheme = try await DashboardService.scheme(req.query[String.self, at: "scheme"], on: req.db)
        return IndicatorsDTO(
            indicators: (scheme.indicators.definitions + [scheme.definition]).map(IndicatorDefinitionDTO.init),
            scheme: scheme)
    }

    func dashboard(req: Request) async throws -> DashboardDTO {
        let principal = try await req.require(.viewWorkOrders)
        let request = try await DashboardRequest.parse(req, principal: principal)
        let scheme = try await DashboardService.scheme(req.query[String.self, at: "scheme"], on: req.db)
        return try await DashboardService(req).dashboard(request, scheme: scheme)
    }

    func rankings(req: Request) async throws -> RankingDTO {
        let principal = try await req.require(.viewWorkOrders)
        let request = try await DashboardRequest.parse(req, principal: principal, defaultKind: .quarter)
        let scheme = try await DashboardService.scheme(req.query[String.self, at: "scheme"], on: req.db)
        let level = req.query[String.self, at: "level"] ?? "community"
        return try await DashboardService(req).ranking(level: level, request: request, scheme: scheme)
    }
}
