import Vapor
import Fluent
import LianxinCore

/// What the grid-change handlers share: finding a change in scope, checking it against the grids in
/// force, turning machine refusals into problems, and the records and DTOs they write and answer.
extension GridChangesController {
    /// The machine's view of a stored change.
    static func state(of change: GridChange) throws -> GridChangeState {
        guard let status = GridChangeStatus(rawValue: change.status) else {
            throw Problem.conflict("the change is \(change.status), not under review / 方案不在审核中")
        }
        return GridChangeState(status: status, round: change.round)
    }

    /// Runs a machine step, answering a refusal as the API always has: 403 when the actor may not,
    /// otherwise 409 with the reason.
    @discardableResult
    static func checked<T>(_ step: () throws(GridChangeRefusal) -> T) throws -> T {
        do {
            return try step()
        } catch .notPermitted {
            throw Problem.forbidden
        } catch {
            throw Problem.conflict(error.message)
        }
    }

    /// The smallest division over every grid concerned; each must lie in the principal's division.
    static func checkedDivision(of change: GridChange, for principal: Principal, _ req: Request) async throws -> String {
        let features = (try? GeoJSONReader().read(Data(change.grids.utf8))) ?? []
        var communities = features.compactMap { $0.parentCode ?? ($0.code.count > 12 ? String($0.code.prefix(12)) : nil) }
        communities += try await GridQueries.communities(ofGridsInForce: change.retiringCodes, on: req.db)
        for community in Set(communities) where !principal.canSee(divisionCode: community) {
            throw Problem.invalid(field: "/grids", "community \(community) is outside your division / 社区 \(community) 超出您的管辖范围")
        }
        return HotspotService.commonDivision(of: communities.isEmpty ? [principal.division.value] : communities)
    }

    /// Runs the import checks without writing; 422 with every problem when the change does not fit.
    static func dryRun(_ change: GridChange, _ req: Request) async throws -> GridImportReport {
        try await GridImporter(app: req.application).importGeoJSON(
            Data(change.grids.utf8), coordinates: .wgs84, replace: false, retiring: Set(change.retiringCodes),
            within: try req.requirePrincipal().division, actor: try req.requirePrincipal().auditActor, dryRun: true)
    }

    /// The review row of a decision in the change's current round.
    static func reviewRecord(_ change: GridChange, decision: String, comment: String, principal: Principal, _ req: Request) throws -> GridChangeReview
    {
        let review = GridChangeReview()
        review.changeID = try change.requireID()
        review.round = change.round
        review.reviewerID = principal.userID
        review.reviewerName = principal.displayName
        review.reviewerRole = principal.role.rawValue
        review.departmentID = principal.departmentID
        review.decision = decision
        review.comment = comment
        review.at = req.lianxin.now()
        return review
    }

    /// Anyone who proposes, reviews or approves changes.
    static func requireAny(_ req: Request) async throws -> Principal {
        let principal = try req.requirePrincipal()
        if principal.role.can(.reviewGridChanges) || principal.role.can(.approveGridChanges) { return principal }
        return try await req.require(.proposeGridChanges)
    }

    /// The change if it lies in the principal's division; otherwise 404, like a missing one.
    static func find(_ raw: String?, for principal: Principal, _ req: Request) async throws -> GridChange {
        guard let id = raw.flatMap(UUID.init(uuidString:)), let change = try await GridChange.find(id, on: req.db) else {
            throw Problem.notFound("grid change")
        }
        guard principal.canSee(divisionCode: change.divisionCode) else {
            await req.audit(.scopeDenied, result: .denied, target: "grid-change:\(id)")
            throw Problem.notFound("grid change")
        }
        return change
    }

    static func dto(_ change: GridChange) throws -> ChangeDTO {
        ChangeDTO(
            id: try change.requireID(), divisionCode: change.divisionCode, kind: change.kind, title: change.title, reason: change.reason,
            status: change.status, round: change.round, retiringCodes: change.retiringCodes, proposedAt: change.proposedAt,
            effectiveOn: change.effectiveOn, appliedAt: change.appliedAt, failure: change.failure)
    }
}
