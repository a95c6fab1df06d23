import Vapor
import Fluent
import LianxinCore

/// Grid clusters (片区) led by one grid leader.
extension PairingsController {
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
            checks.fail(
                "/gridCodes",
                codes.isEmpty
                    ? "at least one grid / 至少一个网格"
                    : "not in force or outside your division: \(missing.joined(separator: ", ")) / 网格不存在或超出管辖范围")
        }
        let taken = try await GridCluster.query(on: req.db).all().flatMap { cluster in
            JSONColumn.list(String.self, from: cluster.gridCodes).filter(codes.contains).map { "\($0) (\(cluster.code))" }
        }
        if !taken.isEmpty {
            let codes = taken.joined(separator: ", ")
            checks.fail("/gridCodes", "already in a cluster: \(codes) / 已属其他片区：\(codes)")
        }
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

    static func dto(_ cluster: GridCluster) throws -> ClusterDTO {
        ClusterDTO(
            id: try cluster.requireID(), code: cluster.code, name: cluster.name, divisionCode: cluster.divisionCode,
            gridCodes: JSONColumn.list(String.self, from: cluster.gridCodes), leaderId: cluster.leaderID)
    }
}
