import Vapor
import Fluent
import LianxinCore

/// 吹哨报到 under /api/v1/whistles: blow, report on site, record the work, score each department
/// (一哨一评), close; and the monthly scores per department. The lifecycle is `WhistleMachine`; the
/// handlers live in `WhistlesController+…` files.
struct WhistlesController: RouteCollection {
    /// The scoring formula in force.
    static let scoring = WhistleScoring()

    func boot(routes: any RoutesBuilder) throws {
        let whistles = routes.grouped("api", "v1", "whistles")
        whistles.post(use: blow)
        whistles.get(use: list)
        whistles.get(":id", use: show)
        whistles.post(":id", "report", use: report)
        whistles.post(":id", "work", use: work)
        whistles.post(":id", "evaluations", use: evaluate)
        whistles.post(":id", "close", use: close)
        routes.get("api", "v1", "whistle-scores", use: monthlyScores)
    }

    /// The latest whistles the principal may see: those summoning their department, or those of their division.
    func list(req: Request) async throws -> [WhistleDTO] {
        let principal = try await req.require(.viewWorkOrders)
        let rows =
            if principal.role.requiresDepartment, let department = principal.departmentID {
                try await WhistleQueries.latest(summoning: department, on: req.db)
            } else {
                try await WhistleQueries.latest(within: principal.division, on: req.db)
            }
        var result: [WhistleDTO] = []
        for row in rows { result.append(try await Self.dto(row, req)) }
        return result
    }

    /// One whistle with its summoned departments.
    func show(req: Request) async throws -> WhistleDTO {
        let principal = try await req.require(.viewWorkOrders)
        return try await Self.dto(try await Self.find(req, principal), req)
    }
}
