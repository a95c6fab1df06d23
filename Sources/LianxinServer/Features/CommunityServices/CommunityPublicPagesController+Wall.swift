import Vapor
import Fluent
import LianxinCore

/// The public wish wall and station list.
extension CommunityPublicPagesController {
    struct WallModel: Encodable, Sendable {
        var wishes: [Row]
        struct Row: Encodable, Sendable { var wish: WishesController.WallWish; var created: String; var open: Bool }
    }

    func wall(req: Request) async throws -> Response {
        let wishes = try await WishService.wall(community: try? req.query.get(String.self, at: "community"), req)
        return try await req.page(
            "community/public-wishes", title: "cs_wall_title",
            model: WallModel(
                wishes: wishes.map {
                    WallModel.Row(wish: $0, created: String(CommunityFormat.time($0.createdAt).prefix(10)), open: $0.status == "posted")
                }))
    }

    struct StationsModel: Encodable, Sendable { var stations: [StationsController.StationDTO] }

    func stations(req: Request) async throws -> Response {
        let stations = try await StationService.publicStations(
            community: try? req.query.get(String.self, at: "community"),
            kind: try? req.query.get(String.self, at: "kind"), req)
        return try await req.page("community/public-stations", title: "cs_public_stations_title", model: StationsModel(stations: stations))
    }
}
