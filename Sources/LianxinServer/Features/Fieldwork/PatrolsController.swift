import Fluent
import Foundation
import LianxinCore
import Vapor

/// `/api/v1/patrols` (巡查, issue 21): a grid member's field app sends a patrol under its key — start, positions
/// taken since it last sent, end — exactly once however often it is sent; the patrols in scope by month with their
/// hours, distance and reports; one patrol with its track and the reports made while it ran.
struct PatrolsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "patrols")
        api.post(use: sync)
        api.get(use: list)
        api.get(":id", use: detail)
    }

    struct Summary: Content {
        var id: UUID
        var key: String?
        var member: String
        var gridCode: String?
        var startedAt: Date
        var endedAt: Date?
        var running: Bool
        var automaticEnd: Bool
        var seconds: Int
        var metres: Int
        var points: Int
        var reports: Int
        /// Positions this request added (sync only).
        var added: Int?
    }

    struct Point: Content {
        var at: Date
        var latitude: Double
        var longitude: Double
    }

    struct Linked: Content {
        var id: UUID
        var kind: String
        var title: String
        var at: Date
    }

    struct Detail: Content {
        var patrol: Summary
        var track: [Point]
        var reports: [Linked]
    }

    static func summary(_ row: Patrol, reports: Int, now: Date, key: Bool, added: Int? = nil) throws -> Summary {
        let end = row.end(now: now)
        return Summary(
            id: try row.requireID(), key: key ? row.key : nil, member: row.userName, gridCode: row.gridCode, startedAt: row.startedAt,
            endedAt: end?.at, running: end == nil, automaticEnd: end?.automatic ?? false,
            seconds: Int((end?.at ?? now).timeIntervalSince(row.startedAt).rounded()), metres: Int(row.metres.rounded()),
            points: row.pointCount, reports: reports, added: added)
    }

    func sync(req: Request) async throws -> Summary {
        let principal = try await req.require(.recordPatrols)
        let input = try req.content.decode(PatrolService.Input.self)
        let (row, added) = try await PatrolService(req: req, principal: principal).sync(input)
        let now = req.lianxin.now()
        let reports = try await PatrolQueries.reports(of: [row], now: now, on: req.db)
        return try Self.summary(row, reports: reports[try row.requireID()]?.count ?? 0, now: now, key: true, added: added)
    }

    func list(req: Request) async throws -> [Summary] {
        let principal = try await req.require(.viewPatrols)
        let now = req.lianxin.now()
        let month = req.query[String.self, at: "month"] ?? PatrolQueries.month(of: now)
        guard let range = PatrolQueries.monthRange(month) else {
            var checks = InputValidator(req)
            checks.fail("/month", key: "patrol_err_month")
            try checks.finish()
            return []
        }
        let rows = try await PatrolQueries.scoped(principal, on: req.db).filter(\.$startedAt >= range.lowerBound)
            .filter(\.$startedAt < range.upperBound).sort(\.$startedAt, .descending).limit(1_000).all()
        let reports = try await PatrolQueries.reports(of: rows, now: now, on: req.db)
        let own = principal.role.can(.recordPatrols)
        return try rows.map { row in try Self.summary(row, reports: reports[try row.requireID()]?.count ?? 0, now: now, key: own) }
    }

    func detail(req: Request) async throws -> Detail {
        let principal = try await req.require(.viewPatrols)
        let row = try await PatrolQueries.find(req.parameters.get("id"), for: principal, on: req)
        let now = req.lianxin.now()
        let found = try await PatrolQueries.reports(of: [row], now: now, on: req.db)[try row.requireID()] ?? .init()
        let track = try await PatrolQueries.track(of: row, now: now, on: req.db)
        // Where a grid member walked is personal data: a read of someone else's track is audited.
        if row.userID != principal.userID {
            try await req.auditDisclosure(
                .personalDataViewed, target: "patrol:\(try row.requireID())", recordDivision: row.divisionCode, detail: "patrol track")
        }
        let linked =
            try found.orders.map { Linked(id: try $0.requireID(), kind: "order", title: "\($0.number) \($0.title)", at: $0.createdAt) }
            + found.visits.map { Linked(id: try $0.requireID(), kind: "visit", title: $0.note, at: $0.visitedAt) }
        return Detail(
            patrol: try Self.summary(row, reports: found.count, now: now, key: principal.role.can(.recordPatrols)),
            track: track.map { Point(at: $0.at, latitude: $0.position.lat, longitude: $0.position.lon) },
            reports: linked.sorted { $0.at < $1.at })
    }
}
