import Vapor
import Fluent
import LianxinCore

/// The filtered resident query, scoped look-ups and unmasking reasons.
extension ResidentsController {
    /// The residents of `scope` matching the request's filters.
    static func filtered(_ req: Request, scope: RegistryScope) async throws -> QueryBuilder<Resident> {
        var query = scope.limit(Resident.query(on: req.db))
        if let grid = req.query[String.self, at: "grid"], !grid.isEmpty { query = query.filter(\.$gridCode == grid) }
        if let name = req.query[String.self, at: "name"], !name.isEmpty { query = query.filter(\.$name, .custom("LIKE"), contains(name)) }
        if let text = req.query[String.self, at: "tag"], !text.isEmpty {
            query = query.filter(\.$tags, .custom("LIKE"), "%,\(try await tagCode(text, on: req.db)),%")
        }
        if let text = req.query[String.self, at: "household"], !text.isEmpty {
            guard let id = UUID(uuidString: text) else { throw Problem.invalid(field: "household", "not a household id / 户编号无效") }
            query = query.filter(\.$householdID == id)
        }
        if let text = req.query[String.self, at: "building"], !text.isEmpty {
            if let id = UUID(uuidString: text) {
                query = query.filter(\.$buildingID == id)
            } else {
                let ids = try await scope.limit(Building.query(on: req.db)).filter(\.$name, .custom("LIKE"), contains(text)).limit(500).all(\.$id)
                query = ids.isEmpty ? query.filter(\.$gridCode == "") : query.filter(\.$buildingID ~~ ids)
            }
        }
        if let text = req.query[String.self, at: "idNumber"], !text.isEmpty {
            let normal = (try? ResidentIDNumber(validating: text, now: req.lianxin.now()).value) ?? text.uppercased()
            query = query.filter(\.$idNumberIndex == req.lianxin.cipher.blindIndex(normal))
        }
        if let text = req.query[String.self, at: "phone"], !text.isEmpty {
            let normal = (try? PhoneNumber(parsing: text).value) ?? text
            query = query.filter(\.$phoneIndex == req.lianxin.cipher.blindIndex(normal))
        }
        return query
    }

    /// The resident, or 404 when it does not exist or lies outside the principal's scope.
    static func find(_ raw: String?, for principal: Principal, on req: Request) async throws -> Resident {
        guard let raw, let id = UUID(uuidString: raw), let resident = try await Resident.find(id, on: req.db) else {
            throw Problem.notFound("resident")
        }
        guard try await req.registryScope(principal).contains(grid: resident.gridCode, community: resident.communityCode) else {
            throw await req.outOfScope("resident", target: "resident:\(id)")
        }
        return resident
    }

    /// A LIKE pattern for "contains `text`", with the pattern characters removed from it.
    static func contains(_ text: String) -> String { "%" + text.filter { $0 != "%" && $0 != "_" } + "%" }
}
