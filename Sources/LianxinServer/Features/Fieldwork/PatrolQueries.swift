import Fluent
import Foundation
import LianxinCore
import Vapor

/// The reads of patrols (巡查): a grid member sees their own, community staff, supervisors and leaders those of their
/// division; the reports linked to a patrol (orders the member filed and visits they made while it ran); the month's
/// figures per member for their scorecard; the tracks drawn on the grid map.
enum PatrolQueries {
    /// The patrols `principal` may see.
    static func scoped(_ principal: Principal, on db: any Database) -> QueryBuilder<Patrol> {
        let query = Patrol.query(on: db)
        return principal.role.can(.recordPatrols) ? query.filter(\.$userID == principal.userID) : query.inScope(\.$divisionCode, principal)
    }

    /// The patrol `id` names, when `principal` may see it; 404 otherwise.
    static func find(_ id: String?, for principal: Principal, on req: Request) async throws -> Patrol {
        guard let id = id.flatMap(UUID.init(uuidString:)), let row = try await Patrol.find(id, on: req.db) else { throw Problem.notFound("patrol") }
        let visible = principal.role.can(.recordPatrols) ? row.userID == principal.userID : principal.canSee(divisionCode: row.divisionCode)
        guard visible else { throw await req.outOfScope("patrol", target: id.uuidString) }
        return row
    }

    /// What was reported while each patrol ran: orders its member filed and visits they made.
    struct Reports: Sendable {
        var orders: [WorkOrder] = []
        var visits: [Visit] = []
        var count: Int { orders.count + visits.count }
    }

    static func reports(of patrols: [Patrol], now: Date, on db: any Database) async throws -> [UUID: Reports] {
        guard let from = patrols.map(\.startedAt).min() else { return [:] }
        let windows = patrols.compactMap { row in row.id.map { ($0, row.userID, row.startedAt, row.end(now: now)?.at ?? now) } }
        let to = windows.map { $0.3 }.max() ?? now
        let users = Array(Set(patrols.map(\.userID)))
        let orders = try await WorkOrder.query(on: db).filter(\.$createdBy ~~ users.map { Optional($0) }).filter(\.$createdAt >= from).filter(
            \.$createdAt <= to
        )
        .allOrders()
        let visits = try await Visit.query(on: db).filter(\.$visitorID ~~ users).filter(\.$visitedAt >= from).filter(\.$visitedAt <= to).all()
        var out: [UUID: Reports] = [:]
        for (id, user, start, end) in windows {
            out[id] = Reports(
                orders: orders.filter { $0.createdBy == user && $0.createdAt >= start && $0.createdAt <= end },
                visits: visits.filter { $0.visitorID == user && $0.visitedAt >= start && $0.visitedAt <= end })
        }
        return out
    }

    /// The start of a Beijing month (`yyyy-MM`), and of the next one; nil for a month that is not one.
    static func monthRange(_ month: String) -> Range<Date>? {
        guard let first = LocalDate(iso: month + "-01") else { return nil }
        let (year, number, _) = first.components
        guard let next = number == 12 ? LocalDate(year: year + 1, month: 1, day: 1) : LocalDate(year: year, month: number + 1, day: 1) else {
            return nil
        }
        func start(_ day: LocalDate) -> Date { Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 - 8 * 3_600) }
        return start(first)..<start(next)
    }

    /// The current Beijing month, `yyyy-MM`.
    static func month(of date: Date) -> String { String(LocalDate(date, in: ResidentIDNumber.chinaTimeZone).description.prefix(7)) }

    /// Each member's patrol figures for the month (patrols started in it): hours (a running patrol up to now),
    /// kilometres and reports found.
    static func figures(of users: [UUID], month: String, now: Date, on db: any Database) async throws -> [UUID: PatrolFigures] {
        guard let range = monthRange(month), !users.isEmpty else { return [:] }
        let patrols = try await Patrol.query(on: db).filter(\.$userID ~~ users).filter(\.$startedAt >= range.lowerBound)
            .filter(\.$startedAt < range.upperBound).all()
        let reports = try await reports(of: patrols, now: now, on: db)
        var out: [UUID: PatrolFigures] = [:]
        for patrol in patrols {
            let end = patrol.end(now: now)?.at ?? now
            out[patrol.userID, default: PatrolFigures()].add(
                startedAt: patrol.startedAt, endedAt: end, metres: patrol.metres, reports: patrol.id.flatMap { reports[$0]?.count } ?? 0)
        }
        return out
    }

    /// The plausible positions of `patrol`, in order.
    static func track(of patrol: Patrol, now: Date, on db: any Database) async throws -> [PatrolFix] {
        let id = try patrol.requireID()
        let all = try await PatrolPosition.query(on: db).filter(\.$patrolID == id).sort(\.$recordedAt).all().map(\.fix)
        return PatrolTrack.plausible(all, from: patrol.startedAt, to: patrol.end(now: now)?.at ?? now.addingTimeInterval(OfflineTiming.allowedSkew))
    }

    /// The tracks of the patrols `principal` may see that started in the last `days` days, drawn with `projection`.
    static func mapTracks(_ principal: Principal, projection: SVGMapProjection, days: Int = 7, now: Date, on req: Request) async throws
        -> [GridMapModel.Track]
    {
        guard principal.role.can(.viewPatrols) else { return [] }
        let patrols = try await scoped(principal, on: req.db).filter(\.$startedAt >= now.addingTimeInterval(-Double(days) * 86_400))
            .sort(\.$startedAt, .descending).limit(200).all()
        var out: [GridMapModel.Track] = []
        for patrol in patrols {
            let points = try await track(of: patrol, now: now, on: req.db).map(\.position)
            guard points.count > 1 else { continue }
            let label = "\(patrol.userName) \(WorkbenchLookup.beijing(patrol.startedAt))"
            out.append(GridMapModel.Track(id: try patrol.requireID().uuidString, path: projection.linePath([points]), label: label))
        }
        // The map shows where grid members walked (personal data): other people's tracks drawn are audited, once a view.
        let others = patrols.filter { $0.userID != principal.userID && out.map(\.id).contains($0.id?.uuidString ?? "") }
        if !others.isEmpty {
            try await req.auditDisclosure(
                .personalDataViewed, target: "patrols:\(others.count)", recordDivision: principal.division.value,
                detail: "patrol tracks on the grid map")
        }
        return out
    }
}
