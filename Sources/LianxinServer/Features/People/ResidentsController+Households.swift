import Vapor
import Fluent
import LianxinCore

/// Households and buildings of the registry.
extension ResidentsController {
    /// Households by address; filters `grid`, `building` (id) and `tag`; keyset-paginated.
    func households(req: Request) async throws -> ListPage<HouseholdDTO> {
        let principal = try await req.require(.viewResidents)
        let page = try PageRequest(req)
        var query = try await req.registryScope(principal).limit(Household.query(on: req.db))
        if let grid = req.query[String.self, at: "grid"], !grid.isEmpty { query = query.filter(\.$gridCode == grid) }
        if let text = req.query[String.self, at: "building"], !text.isEmpty {
            guard let id = UUID(uuidString: text) else { throw Problem.invalid(field: "building", "not a building id / 楼栋编号无效") }
            query = query.filter(\.$buildingID == id)
        }
        if let text = req.query[String.self, at: "tag"], !text.isEmpty {
            query = query.filter(\.$tags, .custom("LIKE"), "%,\(try await Self.tagCode(text, on: req.db)),%")
        }
        if let after = page.after {
            guard after.count == 2, let id = UUID(uuidString: after[1]) else {
                throw Problem.invalid(field: "cursor", "is not a cursor this server issued / 游标无效")
            }
            query = query.group(.or) { or in
                or.filter(\.$address > after[0]).group(.and) { and in and.filter(\.$address == after[0]).filter(\.$id > id) }
            }
        }
        let rows = try await query.sort(\.$address).sort(\.$id).limit(page.limit + 1).all()
        let names = try await Self.buildingNames(Set(rows.map(\.buildingID)), on: req.db)
        return try page.page(rows, key: { [$0.address, $0.id?.uuidString ?? ""] }) { try HouseholdDTO($0, buildingName: names[$0.buildingID] ?? "") }
    }

    /// One household with its members (the head first).
    func household(req: Request) async throws -> HouseholdDTO {
        let principal = try await req.require(.viewResidents)
        guard let raw = req.parameters.get("id"), let id = UUID(uuidString: raw),
            let household = try await Household.find(id, on: req.db)
        else { throw Problem.notFound("household") }
        guard try await req.registryScope(principal).contains(grid: household.gridCode, community: household.communityCode) else {
            throw await req.outOfScope("household", target: "household:\(id)")
        }
        let members = try await Resident.query(on: req.db).filter(\.$householdID == id).sort(\.$name).sort(\.$id).all()
        let sorted = members.filter { $0.id == household.headResidentID } + members.filter { $0.id != household.headResidentID }
        try await Self.auditShown(sorted, target: "household:\(id)", req)
        let names = try await Self.buildingNames([household.buildingID], on: req.db)
        return try HouseholdDTO(
            household, buildingName: names[household.buildingID] ?? "",
            members: try await ResidentDTO.make(sorted, cipher: req.lianxin.cipher, on: req.db))
    }

    /// Buildings by name; filters `grid` and `name` (contains); keyset-paginated.
    func buildings(req: Request) async throws -> ListPage<BuildingDTO> {
        let principal = try await req.require(.viewResidents)
        let page = try PageRequest(req)
        var query = try await req.registryScope(principal).limit(Building.query(on: req.db))
        if let grid = req.query[String.self, at: "grid"], !grid.isEmpty { query = query.filter(\.$gridCode == grid) }
        if let name = req.query[String.self, at: "name"], !name.isEmpty { query = query.filter(\.$name, .custom("LIKE"), Self.contains(name)) }
        if let after = page.after {
            guard after.count == 2, let id = UUID(uuidString: after[1]) else {
                throw Problem.invalid(field: "cursor", "is not a cursor this server issued / 游标无效")
            }
            query = query.group(.or) { or in
                or.filter(\.$name > after[0]).group(.and) { and in and.filter(\.$name == after[0]).filter(\.$id > id) }
            }
        }
        let rows = try await query.sort(\.$name).sort(\.$id).limit(page.limit + 1).all()
        return try page.page(rows, key: { [$0.name, $0.id?.uuidString ?? ""] }, map: BuildingDTO.init)
    }

    static func buildingNames(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let buildings = try await Building.query(on: db).filter(\.$id ~~ Array(ids)).all()
        return Dictionary(buildings.compactMap { building in building.id.map { ($0, building.name) } }, uniquingKeysWith: { first, _ in first })
    }
}
