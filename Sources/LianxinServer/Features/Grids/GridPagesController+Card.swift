import Vapor
import Fluent
import LianxinCore

/// A grid's card beside the map: its staff, households, open orders and visit coverage.
extension GridPagesController {
    struct CardModel: Encodable, Sendable {
        let code: String
        let name: String
        let community: String
        let members: [String]
        let helpers: [String]
        let households: Int
        let residents: Int
        let openOrders: Int
        let coverage: String
        let overdueVisits: Int
        let canSeeHouseholds: Bool
        let canManageStaff: Bool
        /// This month's patrol figures of the grid's staff (巡查时长, 巡查里程, 发现上报数), when the viewer may see them.
        let patrols: [PatrolLine]
        let showPatrols: Bool
    }

    struct PatrolLine: Encodable, Sendable {
        let name: String
        let patrols: Int
        let hours: String
        let kilometres: String
        let reports: Int
    }

    /// A grid's card (an HTML fragment the map page shows beside the map, or a page of its own).
    func card(req: Request) async throws -> Response {
        let principal = try await req.require(.viewDivisions)
        let grid = try await Self.grid(req, principal: principal)
        let staff = try await GridStaffAssignment.query(on: req.db).filter(\.$gridCode == grid.code).filter(\.$validTo == nil).all()
        let users = try await User.query(on: req.db).filter(\.$id ~~ staff.map(\.userID)).all()
        func names(_ role: String) -> [String] {
            staff.filter { $0.role == role }.compactMap { s in users.first { $0.id == s.userID }?.displayName }
        }
        let households = try await Household.query(on: req.db).filter(\.$gridCode == grid.code).all()
        let residents = try await Resident.query(on: req.db).filter(\.$gridCode == grid.code).count()
        let open = WorkOrderStatus.allCases.filter(\.isOpen).map(\.rawValue)
        let openOrders = try await WorkOrder.query(on: req.db).filter(\.$gridCode == grid.code).filter(\.$status ~~ open).count()
        // Visit coverage: households visited within their cadence, over those with a cadence.
        let policy = try await VisitSchedule.policy(on: req.db)
        let states = try await VisitSchedule.states(of: households, on: req.db)
        let now = req.lianxin.now()
        var withRule = 0, onTime = 0, overdue = 0
        for household in households {
            guard let id = household.id else { continue }
            let due = policy.due(tags: states.tags[id] ?? [], lastVisit: states.lastVisit[id], lastChange: household.createdAt, now: now)
            guard due.dueDay != nil else { continue }
            withRule += 1
            if due.daysOverdue > 0 { overdue += 1 } else { onTime += 1 }
        }
        let division = try await Division.find(grid.communityCode, on: req.db)
        var patrols: [PatrolLine] = []
        let showPatrols = principal.role.can(.viewPatrols)
        if showPatrols {
            // A grid member reads only their own figures; the others those of the grid's staff.
            let people = staff.map(\.userID).filter { !principal.role.can(.recordPatrols) || $0 == principal.userID }
            let figures = try await PatrolQueries.figures(of: people, month: PatrolQueries.month(of: now), now: now, on: req.db)
            patrols = Array(Set(people)).compactMap { id in
                guard let user = users.first(where: { $0.id == id }) else { return nil }
                let f = figures[id] ?? PatrolFigures()
                return PatrolLine(name: user.displayName, patrols: f.patrols, hours: f.hoursText, kilometres: f.kilometresText, reports: f.reports)
            }.sorted { $0.name < $1.name }
        }
        let model = CardModel(
            code: grid.code, name: grid.name, community: division?.name ?? grid.communityCode,
            members: names("fullTime"), helpers: names("partTime"), households: households.count, residents: residents,
            openOrders: openOrders, coverage: withRule == 0 ? "—" : String(format: "%.0f%%", Double(onTime) / Double(withRule) * 100),
            overdueVisits: overdue, canSeeHouseholds: principal.role.can(.viewResidents),
            canManageStaff: principal.role.can(.manageGridStaff), patrols: patrols, showPatrols: showPatrols)
        return try await req.page("grids/_partials/grid-card", title: "wb_grid_map", model: model)
    }

    static func grid(_ req: Request, principal: Principal) async throws -> Grid {
        guard let code = req.parameters.get("code"),
            let grid = try await Grid.query(on: req.db).filter(\.$code == code).filter(\.$validTo == nil).first()
        else {
            throw Problem.notFound("grid")
        }
        guard principal.canSee(divisionCode: grid.communityCode) else { throw await req.outOfScope("grid", target: "grid:\(grid.code)") }
        return grid
    }
}
