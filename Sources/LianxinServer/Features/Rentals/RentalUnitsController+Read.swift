import Vapor
import Fluent
import LianxinCore

/// Listing and reading rental units in scope.
extension RentalUnitsController {
    /// Units in scope by address; `grid` narrows to one grid; keyset-paginated.
    func list(req: Request) async throws -> ListPage<RentalUnitDTO> {
        let principal = try await req.require(.manageResidents)
        let page = try PageRequest(req)
        var query = try await req.registryScope(principal).limit(RentalUnit.query(on: req.db))
        if let grid = req.query[String.self, at: "grid"], !grid.isEmpty { query = query.filter(\.$gridCode == grid) }
        if let after = page.after {
            guard after.count == 2, let id = UUID(uuidString: after[1]) else {
                throw Problem.invalid(field: "cursor", "is not a cursor this server issued / 游标无效")
            }
            query = query.group(.or) { or in
                or.filter(\.$address > after[0]).group(.and) { and in and.filter(\.$address == after[0]).filter(\.$id > id) }
            }
        }
        let rows = try await query.sort(\.$address).sort(\.$id).limit(page.limit + 1).all()
        let context = req.lianxin
        return try page.page(rows, key: { [$0.address, $0.id?.uuidString ?? ""] }) {
            try RentalUnitDTO($0, baseURL: context.settings.publicBaseURL, cipher: context.cipher)
        }
    }

    func show(req: Request) async throws -> RentalUnitDTO {
        let unit = try await Self.find(req)
        let context = req.lianxin
        var dto = try RentalUnitDTO(unit, baseURL: context.settings.publicBaseURL, cipher: context.cipher)
        dto.currentTenants = try await Tenancy.query(on: req.db).filter(\.$unitID == unit.requireID()).filter(\.$movedOut == nil)
            .sort(\.$movedIn).sort(\.$id).all().map { try TenantDTO($0, cipher: context.cipher) }
        return dto
    }

    /// The unit, or 404 when it does not exist or lies outside the caller's scope.
    static func find(_ req: Request) async throws -> RentalUnit {
        let principal = try await req.require(.manageResidents)
        guard let raw = req.parameters.get("id"), let id = UUID(uuidString: raw), let unit = try await RentalUnit.find(id, on: req.db) else {
            throw Problem.notFound("rental unit")
        }
        guard try await req.registryScope(principal).contains(grid: unit.gridCode, community: unit.communityCode) else {
            throw await req.outOfScope("rental unit", target: "rental-unit:\(id)")
        }
        return unit
    }
}
