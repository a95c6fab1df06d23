import Vapor
import Fluent
import Crypto
import LianxinCore

/// The public wish wall (心愿墙).
extension WishesController {
    /// The public wall: open and recent wishes of a community (or all), resident masked.
    func wall(req: Request) async throws -> [WallWish] {
        try await WishService.wall(community: try? req.query.get(String.self, at: "community"), req)
    }

}
