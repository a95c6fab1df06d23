import Vapor
import Fluent
import LianxinCore

/// Grid clusters (片区) and pairings: party members with 10–20 households (党员联户), cadres with
/// natural villages or communities (群众贴心人), leaders with grid clusters (领导包片), and the
/// coverage report that lists who is left without one.
struct PairingsController: RouteCollection {
    /// Households a party member is paired with: at most this many (the seeds' 10–20).
    static let householdsPerPartyMember = 10...20
    static let kinds = ["partyMember", "cadre", "leader"]

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("grid-clusters", use: clusters)
        api.post("grid-clusters", use: createCluster)
        api.get("pairings", use: list)
        api.post("pairings", use: create)
        api.post("pairings", ":id", "end", use: end)
        api.get("pairing-coverage", use: coverage)
    }

    // MARK: DTOs

    struct ClusterInput: Content {
        var code: String?
        var name: String?
        var gridCodes: [String]?
        var leaderId: UUID?
    }

    struct ClusterDTO: Content {
        var id: UUID
        var code: String
        var name: String
        var divisionCode: String
        var gridCodes: [String]
        var leaderId: UUID?
    }

    struct PairingInput: Content {
        var kind: String?
        var personName: String?
        var personId: UUID?
        /// Household ids (partyMember), division codes (cadre) or cluster ids (leader).
        var targets: [String]?
    }

    struct PairingDTO: Content {
        var id: UUID
        var kind: String
        var personName: String
        var personId: UUID?
        var target: String
        var divisionCode: String
        var validFrom: Date
        var validTo: Date?
    }

    struct CommunityCoverage: Content {
        var communityCode: String
        var households: Int
        var pairedHouseholds: Int
        /// pairedHouseholds ÷ households.
        var coverage: Double?
        /// A few unpaired households (id and address), for the community to act on.
        var unpaired: [UnpairedHousehold]
        var hasCadre: Bool
    }

    struct UnpairedHousehold: Content { var householdId: UUID; var address: String }

    struct PartyMemberLoad: Content {
        var personName: String
        var households: Int
        /// Within 10–20 households.
        var withinRange: Bool
    }

    struct Coverage: Content {
        var communities: [CommunityCoverage]
        var partyMembers: [PartyMemberLoad]
        /// Clusters no leader is paired with.
        var clustersWithoutLeader: [String]
    }

    // MARK: Clusters

    func clusters(req: Request) async throws -> [ClusterDTO] {
        let principal = try await req.require(.viewResidents)
        return try await GridCluster.query(on: req.db).inScope(\.$divisionCode, principal)
            .sort(\.$code).all().map(Self.dto)
    }

    /// Groups grids in force in the principal's division into a cluster; a grid belongs to one cluster.
    func createCluster(req: Request) async throws -> Response {
        let principal = try await req.require(.manageGridStaff)
        let input = try req.content.decode(ClusterInput.self)
        var checks = InputValidator(req)
        let code = input.code?.trimmingCharacters(in: .whitespaces) ?? ""
        if !(1...40).contains(code.count) { checks.fail("/code", "1–40 characters / 编码 1–40 位") }
        let name = input.name?.trimmingCharacters(in: .whitespaces) ?? ""
        if !(1...100).contains(name.count) { checks.fail("/name", "1–100 characters / 名称 1–100 字") }
        let codes = Array(Set(input.gridCodes ?? [])).sorted()
        let grids = try await Grid.query(on: req.db).filter(\.$validTo == nil).filter(\.$code ~~ codes).all()
        let visible = grids.filter { principal.canSee(divisionCode: $0.communityCode) }
        if codes.isEmpty || visible.count != codes.count {
            let missing = Set(codes).subtracting(visible.map(\.code)).sorted()
            checks.fail("/gridCodes", codes.isEmpty ? "at least one grid / 至少一个网格"
                        : "not in force or outside your division: \(missing.joined(separator: ", ")) / 网格不存在或超出管辖范围")
        }
        let taken = try await GridCluster.query(on: req.db).all().flatMap { cluster in
            JSONColumn.list(String.self, from: cluster.gridCodes).filter(codes.contains).map { "\($0) (\(cluster.code))" }
        }
        if !taken.isEmpty { checks.fail("/gridCodes", "already in a cluster: \(taken.joined(separator: ", ")) / 已属其他片区") }
        try checks.finish()
        let cluster = GridCluster()
        cluster.code = code
        cluster.name = name
        cluster.divisionCode = HotspotService.commonDivision(of: visible.map(\.communityCode))
        cluster.gridCodes = JSONColumn.text(codes)
        cluster.leaderID = input.leaderId
        cluster.createdAt = req.lianxin.now()
        do {
            try await req.lianxin.writes.run { try await cluster.create(on: req.db) }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Problem.conflict("a cluster with this code exists / 片区编码已存在", field: "/code")
        }
        await req.audit(.gridStaffAssigned, result: .success, target: "grid-cluster:\(code)", detail: codes.joined(separator: ","))
        return try await Self.dto(cluster).encodeResponse(status: .created, for: req)
    }

    // MARK: Pairings

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
        if !Self.kinds.contains(kind) { checks.fail("/kind", "one of \(Self.kinds.joined(separator: ", "))") }
        let person = input.personName?.trimmingCharacters(in: .whitespaces) ?? ""
        if !(1...50).contains(person.count) { checks.fail("/personName", "1–50 characters / 姓名 1–50 字") }
        let targets = Array(Set(input.targets ?? [])).sorted()
        if targets.isEmpty { checks.fail("/targets", "at least one / 至少一个结对对象") }
        try checks.finish()

        var divisions: [String: String] = [:]   // target → division (scope)
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
                checks.fail("/targets", "already paired: " + already.map { "\($0.target) (\($0.personName))" }.joined(separator: ", ")
                            + " / 已有党员结对")
            }
            let current = try await Pairing.query(on: req.db).filter(\.$kind == kind).filter(\.$personName == person)
                .filter(\.$validTo == nil).count()
            if current + targets.count > Self.householdsPerPartyMember.upperBound {
                checks.fail("/targets", "a party member is paired with at most \(Self.householdsPerPartyMember.upperBound) households (has \(current)) / 每名党员联系不超过 20 户")
            }
        case "cadre":
            let found = try await Division.query(on: req.db).filter(\.$id ~~ targets).all()
            for division in found { if let code = division.id, principal.canSee(divisionCode: code) { divisions[code] = code } }
        default:
            let ids = targets.compactMap(UUID.init(uuidString:))
            for cluster in try await GridCluster.query(on: req.db).filter(\.$id ~~ ids).all() where principal.canSee(divisionCode: cluster.divisionCode) {
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

    /// Per community: households paired with a party member, the unpaired ones, whether a cadre is
    /// paired; party members outside 10–20 households; clusters without a leader.
    func coverage(req: Request) async throws -> Coverage {
        let principal = try await req.require(.viewResidents)
        let scope = try await req.registryScope(principal)
        let households = try await scope.limit(Household.query(on: req.db)).all()
        let pairings = try await Pairing.query(on: req.db).inScope(\.$divisionCode, principal)
            .filter(\.$validTo == nil).all()
        let pairedHouseholds = Set(pairings.filter { $0.kind == "partyMember" }.map(\.target))
        let cadreTargets = pairings.filter { $0.kind == "cadre" }.map(\.target)
        var communities: [CommunityCoverage] = []
        for (community, members) in Dictionary(grouping: households, by: \.communityCode).sorted(by: { $0.key < $1.key }) {
            let unpaired = members.filter { !pairedHouseholds.contains($0.id?.uuidString ?? "") }
            communities.append(CommunityCoverage(
                communityCode: community, households: members.count, pairedHouseholds: members.count - unpaired.count,
                coverage: members.isEmpty ? nil : Double(members.count - unpaired.count) / Double(members.count),
                unpaired: unpaired.sorted { $0.address < $1.address }.prefix(50).compactMap { household in
                    household.id.map { UnpairedHousehold(householdId: $0, address: household.address) }
                },
                hasCadre: cadreTargets.contains { community.hasPrefix($0) }))
        }
        let loads = Dictionary(grouping: pairings.filter { $0.kind == "partyMember" }, by: \.personName).map { name, rows in
            PartyMemberLoad(personName: name, households: rows.count, withinRange: Self.householdsPerPartyMember.contains(rows.count))
        }.sorted { $0.personName < $1.personName }
        let ledClusters = Set(pairings.filter { $0.kind == "leader" }.map(\.target))
        let clusters = try await GridCluster.query(on: req.db).inScope(\.$divisionCode, principal).all()
        return Coverage(communities: communities, partyMembers: loads,
                        clustersWithoutLeader: clusters.filter { !ledClusters.contains($0.id?.uuidString ?? "") && $0.leaderID == nil }.map(\.code).sorted())
    }

    // MARK: Shared

    static func dto(_ cluster: GridCluster) throws -> ClusterDTO {
        ClusterDTO(id: try cluster.requireID(), code: cluster.code, name: cluster.name, divisionCode: cluster.divisionCode,
                   gridCodes: JSONColumn.list(String.self, from: cluster.gridCodes), leaderId: cluster.leaderID)
    }

    static func dto(_ row: Pairing) throws -> PairingDTO {
        PairingDTO(id: try row.requireID(), kind: row.kind, personName: row.personName, personId: row.personID, target: row.target,
                   divisionCode: row.divisionCode, validFrom: row.validFrom, validTo: row.validTo)
    }
}
