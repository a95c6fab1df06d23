import Vapor
import Fluent
import LianxinCore

/// A grid's households with their tags, filterable by tag.
extension GridPagesController {
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
        let states = try await VisitSchedule.states(of: rows, on: req.db)
        let memberCounts = try await Resident.query(on: req.db).filter(\.$gridCode == grid.code).all().reduce(into: [UUID: Int]()) {
            $0[$1.householdID, default: 0] += 1
        }
        let catalog = try await ResidentTagRecord.query(on: req.db).filter(\.$active == true).all()
        let english = req.language == .en
        let label = Dictionary(
            catalog.compactMap { t in t.id.map { ($0, english ? t.englishLabel : t.chineseLabel) } }, uniquingKeysWith: { a, _ in a })
        let model = HouseholdsModel(
            code: grid.code, name: grid.name,
            rows: rows.map { h in
                HouseholdsModel.Row(
                    id: h.id?.uuidString ?? "", address: h.address,
                    tags: (states.tags[h.id ?? UUID()] ?? Set(TagList.decode(h.tags))).sorted().map { label[$0] ?? $0 },
                    members: memberCounts[h.id ?? UUID()] ?? 0,
                    lastVisit: states.lastVisit[h.id ?? UUID()].map(WorkbenchLookup.beijing) ?? "—")
            },
            tag: tag, tags: label.map { SelectOption(value: $0.key, label: $0.value) }.sorted { $0.value < $1.value }.selecting(tag),
            canVisit: principal.role.can(.recordVisits))
        return try await req.page("grids/households", title: "wb_households", model: model)
    }
}
