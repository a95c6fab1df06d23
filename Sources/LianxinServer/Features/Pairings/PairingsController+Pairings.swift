import Vapor
import Fluent
import LianxinCore

/// Listing, creating and ending pairings (党员联户, 包村, 片区).
extension PairingsController {
    func list(req: Request) async throws -> [PairingDTO] {
        let principal = try await req.require(.viewResidents)
        var query = Pairing.query(on: req.db).inScope(\.$divisionCode, principal).filter(\.$validTo == nil)
        if let kind = try req.query.get(String?.self, at: "kind") { query = query.filter(\.$kind == kind) }
        if let person = try req.query.get(String?.self, at: "person") { query = query.filter(\.$personName == person) }
        return try await query.sort(\.$personName).sort(\.$validFrom).limit(2000).all().map(Self.dto)
    }

    /// Pairs a person with targets, all or nothing: households in scope not already paired with a
    /// party member (and at most 20 per party member), divisions, or clusters.
    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.manageGridStaff)
        let input = try req.content.decode(PairingInput.self)
        var checks = InputValidator(req)
        let kind = input.kind ?? ""
        if !PairingKinds.all.contains(kind) { checks.fail("/kind", "choose one of the options offered / 请从给出的选项中选择") }
        let person = input.personName?.trimmingCharacters(in: .whitespaces) ?? ""
        if !(1...50).contains(person.count) { checks.fail("/personName", "1–50 characters / 姓名 1–50 字") }
        let targets = Array(Set(input.targets ?? [])).sorted()
        if targets.isEmpty { checks.fail("/targets", "at least one / 至少一个结对对象") }
        try checks.finish()

        var divisions: [String: String] = [:]  // target → division (scope)
        switch kind {
        case "partyMember":
            let scope = try await req.registryScope(principal)
            let ids = targets.compactMap(UUID.init(uuidString:))
            let households = try await Household.query(on: req.db).filter(\.$id ~~ ids).all()
            for household in households where scope.contains(grid: household.gridCode, community: household.communityCode) {
                divisions[household.id!.uuidString] = household.communityCode
            }
            let already = try await Pairing.query(on: req.db).filter(\.$kind == kind).filter(\.$validTo == nil)
                .filter(\.$target ~~ Array(divisions.keys)).all()
            if !already.isEmpty {
                checks.fail(
                    "/targets",
                    "already paired: " + already.map { "\($0.target) (\($0.personName))" }.joined(separator: ", ")
                        + " / 已有党员结对")
            }
            let current = try await Pairing.query(on: req.db).filter(\.$kind == kind).filter(\.$personName == person)
                .filter(\.$validTo == nil).count()
            if current + targets.count > Self.householdsPerPartyMember.upperBound {
                checks.fail(
                    "/targets",
                    "a party member is paired with at most \(Self.householdsPerPartyMember.upperBound) households (has \(current)) / 每名党员联系不超过 20 户")
            }
        case "cadre":
            let found = try await Division.query(on: req.db).filter(\.$id ~~ targets).all()
            for division in found { if let code = division.id, principal.canSee(divisionCode: code) { divisions[code] = code } }
        default:
            let ids = targets.compactMap(UUID.init(uuidString:))
            for cluster in try await GridCluster.query(on: req.db).filter(\.$id ~~ ids).all()
            where principal.canSee(divisionCode: cluster.divisionCode) {
                divisions[cluster.id!.uuidString] = cluster.divisionCode
            }
        }
        let unknown = targets.filter { divisions[$0] == nil }
        if !unknown.isEmpty {
            checks.fail("/targets", "unknown or outside your division: \(unknown.joined(separator: ", ")) / 对象不存在或超出管辖范围")
        }
        try checks.finish()
        let now = req.lianxin.now()
        let rows = targets.map { target -> Pairing in
            let row = Pairing()
            row.kind = kind
            row.personName = person
            row.personID = input.personId
            row.target = target
            row.divisionCode = divisions[target]!
            row.validFrom = now
            return row
        }
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in for row in rows { try await row.create(on: db) } }
        }
        await req.audit(.gridStaffAssigned, result: .success, target: "pairing:\(kind)", detail: "\(person): \(targets.count)")
        return try await rows.map(Self.dto).encodeResponse(status: .created, for: req)
    }

    func end(req: Request) async throws -> PairingDTO {
        let principal = try await req.require(.manageGridStaff)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let row = try await Pairing.find(id, on: req.db) else {
            throw Problem.notFound("pairing")
        }
        guard principal.canSee(divisionCode: row.divisionCode) else { throw await req.outOfScope("pairing", target: "pairing:\(id)") }
        guard row.validTo == nil else { throw Problem.conflict("the pairing has already ended / 结对已结束") }
        row.validTo = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.update(on: req.db) }
        await req.audit(.gridStaffEnded, result: .success, target: "pairing:\(id)")
        return try Self.dto(row)
    }

    static func dto(_ row: Pairing) throws -> PairingDTO {
        PairingDTO(
            id: try row.requireID(), kind: row.kind, personName: row.personName, personId: row.personID, target: row.target,
            divisionCode: row.divisionCode, validFrom: row.validFrom, validTo: row.validTo)
    }
}
