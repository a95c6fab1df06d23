import Vapor
import Fluent
import LianxinCore

/// Grid pages: the SVG grid map (our own drawing of the polygons; pan, zoom, click for a grid's
/// card), a grid's households with their tags, a grid member's visits due today and the visit form.
struct GridPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("grid-map", use: map)
        routes.get("grid-map", ":code", "card", use: card)
        routes.get("grid-map", ":code", use: households)
        routes.get("my-visits", use: visitsDue)
        routes.get("visits", "new", use: visitForm)
        routes.post("visits", "new", use: recordVisit)
    }

    struct MapModel: Encodable, Sendable {
        let map: GridMapModel
        let legend: [String]
    }

    /// The grids of the user's division, shaded by their open orders.
    func map(req: Request) async throws -> Response {
        let principal = try await req.require(.viewDivisions)
        let base = try await GridMapCache.map(of: principal.division, req)
        let counts = try await GridQueries.openOrderCounts(within: principal.division, on: req.db)
        let shaded = base.shapes.map { shape in
            let n = counts[shape.code] ?? 0
            return GridMapModel.Shape(code: shape.code, name: shape.name, community: shape.community, path: shape.path,
                                      labelX: shape.labelX, labelY: shape.labelY, labelSize: shape.labelSize, level: n == 0 ? 0 : n < 3 ? 1 : n < 6 ? 2 : n < 10 ? 3 : 4)
        }
        let model = MapModel(map: GridMapModel(width: base.width, height: base.height, minLon: base.minLon, maxLat: base.maxLat,
                                               scale: base.scale, lonFactor: base.lonFactor, shapes: shaded, isEmpty: base.isEmpty),
                             legend: ["0", "1–2", "3–5", "6–9", "10+"])
        return try await req.page("grids/grid-map", title: "wb_grid_map", model: model)
    }

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
        let policy = try await VisitsController.policy(on: req.db)
        let states = try await VisitsController.visitStates(households, on: req.db)
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
        let model = CardModel(code: grid.code, name: grid.name, community: division?.name ?? grid.communityCode,
                              members: names("fullTime"), helpers: names("partTime"), households: households.count, residents: residents,
                              openOrders: openOrders, coverage: withRule == 0 ? "—" : String(format: "%.0f%%", Double(onTime) / Double(withRule) * 100),
                              overdueVisits: overdue, canSeeHouseholds: principal.role.can(.viewResidents))
        return try await req.page("grids/_partials/grid-card", title: "wb_grid_map", model: model)
    }

    static func grid(_ req: Request, principal: Principal) async throws -> Grid {
        guard let code = req.parameters.get("code"),
              let grid = try await Grid.query(on: req.db).filter(\.$code == code).filter(\.$validTo == nil).first() else {
            throw Problem.notFound("grid")
        }
        guard principal.canSee(divisionCode: grid.communityCode) else { throw await req.outOfScope("grid", target: "grid:\(grid.code)") }
        return grid
    }

    struct HouseholdsModel: Encodable, Sendable {
        struct Row: Encodable, Sendable { let id: String; let address: String; let tags: [String]; let members: Int; let lastVisit: String }
        let code: String
        let name: String
        let rows: [Row]
        let tag: String
        let tags: [SelectOption]
        let canVisit: Bool
    }

    /// A grid's households with their tags, filterable by tag.
    func households(req: Request) async throws -> Response {
        let principal = try await req.require(.viewResidents)
        let grid = try await Self.grid(req, principal: principal)
        guard try await req.registryScope(principal).contains(grid: grid.code, community: grid.communityCode) else {
            throw await req.outOfScope("grid", target: "grid:\(grid.code)")
        }
        let tag = req.query[String.self, at: "tag"] ?? ""
        var query = Household.query(on: req.db).filter(\.$gridCode == grid.code)
        if !tag.isEmpty { query = query.filter(\.$tags, .custom("LIKE"), "%," + tag + ",%") }
        let rows = try await query.sort(\.$address).limit(1000).all()
        let states = try await VisitsController.visitStates(rows, on: req.db)
        let memberCounts = try await Resident.query(on: req.db).filter(\.$gridCode == grid.code).all().reduce(into: [UUID: Int]()) { $0[$1.householdID, default: 0] += 1 }
        let catalog = try await ResidentTagRecord.query(on: req.db).filter(\.$active == true).all()
        let english = req.language == .en
        let label = Dictionary(catalog.compactMap { t in t.id.map { ($0, english ? t.englishLabel : t.chineseLabel) } }, uniquingKeysWith: { a, _ in a })
        let model = HouseholdsModel(
            code: grid.code, name: grid.name,
            rows: rows.map { h in
                HouseholdsModel.Row(id: h.id?.uuidString ?? "", address: h.address,
                                    tags: (states.tags[h.id ?? UUID()] ?? Set(TagList.decode(h.tags))).sorted().map { label[$0] ?? $0 },
                                    members: memberCounts[h.id ?? UUID()] ?? 0,
                                    lastVisit: states.lastVisit[h.id ?? UUID()].map(WorkbenchLookup.beijing) ?? "—")
            },
            tag: tag, tags: label.map { SelectOption(value: $0.key, label: $0.value) }.sorted { $0.value < $1.value }.selecting(tag),
            canVisit: principal.role.can(.recordVisits))
        return try await req.page("grids/households", title: "wb_households", model: model)
    }

    struct DueModel: Encodable, Sendable {
        struct Row: Encodable, Sendable { let householdId: String; let address: String; let gridCode: String; let tags: String; let dueOn: String; let overdueDays: Int; let lastVisit: String }
        let rows: [Row]
        let notice: String
    }

    /// 今日走访: the households whose visit is due, most urgent first.
    func visitsDue(req: Request) async throws -> Response {
        _ = try await req.require(.recordVisits)
        let due = try await VisitsController(maxUploadBytes: req.lianxin.settings.maxUploadBytes).due(req: req)
        let rows = due.prefix(300).map { item in
            DueModel.Row(householdId: item.householdId.uuidString, address: item.address, gridCode: item.gridCode, tags: item.tags.joined(separator: "、"),
                         dueOn: item.dueOn, overdueDays: item.daysOverdue, lastVisit: item.lastVisitAt.map(WorkbenchLookup.beijing) ?? "—")
        }
        let notice = req.query[String.self, at: "recorded"] != nil ? req.t("wb_visit_recorded") : ""
        return try await req.page("visits/visits", title: "wb_visits", model: DueModel(rows: Array(rows), notice: notice))
    }

    struct VisitFormModel: Encodable, Sendable {
        let householdId: String
        let address: String
        let values: [String: String]
        let errors: [String: String]
        let error: String
        let outcomes: [SelectOption]
        let categories: [SelectOption]
    }

    func visitForm(req: Request) async throws -> Response {
        let principal = try await req.require(.recordVisits)
        let household = try await Self.household(req.query[String.self, at: "household"], principal: principal, req)
        return try await renderVisitForm(req, household: household, values: ["outcome": "selfHandled"], errors: [:])
    }

    static func household(_ raw: String?, principal: Principal, _ req: Request) async throws -> Household {
        guard let raw, let id = UUID(uuidString: raw), let household = try await Household.find(id, on: req.db) else {
            throw Problem.notFound("household")
        }
        guard try await req.registryScope(principal).contains(grid: household.gridCode, community: household.communityCode) else {
            throw await req.outOfScope("household", target: "household:\(id)")
        }
        return household
    }

    func renderVisitForm(_ req: Request, household: Household, values: [String: String], errors: [String: String], error: String = "",
                         status: HTTPResponseStatus = .ok) async throws -> Response {
        let lookup = try await WorkbenchLookup.load(req)
        let outcomes = [SelectOption(value: "selfHandled", label: req.t("wb_outcome_selfHandled")), SelectOption(value: "workOrder", label: req.t("wb_outcome_workOrder"))]
        let model = VisitFormModel(householdId: household.id?.uuidString ?? "", address: household.address, values: values, errors: errors, error: error,
                                   outcomes: outcomes.selecting(values["outcome"]), categories: lookup.categoryOptions.selecting(values["categoryCode"]))
        return try await req.page("visits/visit-form", title: "wb_visit_form", model: model, status: status)
    }

    struct VisitForm: Content {
        var householdId: String?
        var note: String?
        var latitude: String?
        var longitude: String?
        var finding: String?
        var outcome: String?
        var result: String?
        var categoryCode: String?
    }

    /// The visit form: turned into the API's visit (with at most one finding) and recorded by the same handler.
    func recordVisit(req: Request) async throws -> Response {
        let principal = try await req.require(.recordVisits)
        let form = try req.content.decode(VisitForm.self)
        let household = try await Self.household(form.householdId, principal: principal, req)
        let values = ["note": form.note ?? "", "finding": form.finding ?? "", "outcome": form.outcome ?? "", "result": form.result ?? "",
                      "categoryCode": form.categoryCode ?? ""]
        do {
            let lat = form.latitude.flatMap { Double($0) }, lon = form.longitude.flatMap { Double($0) }
            let finding = form.finding?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let findings = finding.isEmpty ? [] : [VisitsController.FindingInput(
                description: finding, outcome: form.outcome, result: form.result,
                categoryCode: form.categoryCode?.isEmpty == false ? form.categoryCode : nil)]
            let input = VisitsController.VisitInput(householdId: household.id, visitedAt: nil, latitude: lat, longitude: lon,
                                                    note: form.note, findings: findings, photoIds: nil)
            try req.content.encode(input, as: .json)
            _ = try await VisitsController(maxUploadBytes: req.lianxin.settings.maxUploadBytes).record(req: req)
            return req.redirect(to: "/my-visits?recorded=1")
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            var errors = problem.fieldMessages
            for (key, value) in errors where key.hasPrefix("findings/0/") { errors[String(key.dropFirst("findings/0/".count))] = value }
            if let message = errors["findings/0/description"] { errors["finding"] = message }
            return try await renderVisitForm(req, household: household, values: values, errors: errors,
                                             error: errors.isEmpty ? problem.detail : req.t("wb_fix_fields"), status: problem.status)
        }
    }
}
