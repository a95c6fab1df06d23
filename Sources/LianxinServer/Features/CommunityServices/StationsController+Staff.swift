import Vapor
import Fluent
import LianxinCore

/// Listing and creating stations for staff.
extension StationsController {
    func list(req: Request) async throws -> [StationDTO] {
        let principal = try await req.require(.viewCommunityServices)
        let rows = try await CommunityScope.limit(ServiceStation.query(on: req.db), to: principal).sort(\.$name).all()
        return try await StationService.dtos(rows, req)
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let station = try await StationService.create(try req.content.decode(StationInput.self), principal: principal, req)
        return try await StationService.dtos([station], req)[0].encodeResponse(status: .created, for: req)
    }

}
