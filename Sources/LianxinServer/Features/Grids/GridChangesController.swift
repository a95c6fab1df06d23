import Vapor
import Fluent
import LianxinCore

/// 三上三下: grid changes proposed by a township, reviewed by departments, approved by the county
/// with a date, and versioned in on that date. Every step is checked against the grids in force
/// (the same all-or-nothing validation as an import) and recorded as a review; the lifecycle itself
/// is `GridChangeMachine`. Proposals, reviews and the impact live in `GridChangesController+…` files.
struct GridChangesController: RouteCollection {
    /// Beijing time, in which effective days are counted.
    static let beijing = GridChangeApplier.beijing
    /// The largest proposal read: its GeoJSON (`LIANXIN_IMPORT_GEOJSON_MB`) and the text around it.
    var geoJSONBytes = ExposureLimits().importGeoJSONBytes

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "grid-changes")
        api.get(use: list)
        let body = geoJSONBytes + 65_536
        let sized = api.grouped(ImportLimits.SizeCheck(bytes: body))
        sized.on(.POST, body: .collect(maxSize: ByteCount(integerLiteral: body)), use: propose)
        api.get(":id", use: show)
        sized.on(.PUT, ":id", body: .collect(maxSize: ByteCount(integerLiteral: body)), use: resubmit)
        api.post(":id", "reviews", use: review)
        api.post(":id", "decision", use: decide)
    }

    func list(req: Request) async throws -> [ChangeDTO] {
        let principal = try await Self.requireAny(req)
        return try await GridQueries.changes(within: principal.division, on: req.db).map { try Self.dto($0) }
    }

    func show(req: Request) async throws -> ChangeDTO {
        let principal = try await Self.requireAny(req)
        let change = try await Self.find(req.parameters.get("id"), for: principal, req)
        var dto = try Self.dto(change)
        dto.reviews = try await GridQueries.reviews(of: change.requireID(), on: req.db).map {
            ReviewDTO(
                round: $0.round, reviewer: $0.reviewerName, role: $0.reviewerRole, departmentId: $0.departmentID,
                decision: $0.decision, comment: $0.comment, at: $0.at)
        }
        dto.impact = try await Self.impact(of: change, req)
        if GridChangeStatus(rawValue: change.status)?.isPending == true {
            dto.plan = try? await Self.dryRun(change, req)
        }
        return dto
    }
}
