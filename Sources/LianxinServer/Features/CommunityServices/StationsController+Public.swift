import Vapor
import Fluent
import LianxinCore

/// The public list of active stations, and the station DTOs.
extension StationsController {
    func publicList(req: Request) async throws -> [StationDTO] {
        try await StationService.publicStations(
            community: try? req.query.get(String.self, at: "community"), kind: try? req.query.get(String.self, at: "kind"), req)
    }

}
