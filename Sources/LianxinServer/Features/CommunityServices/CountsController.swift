import Vapor
import Fluent
import LianxinCore

/// Counts per community of wishes and service orders by status, for the dashboards (one GROUP BY each).
struct CountsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("api", "v1").get("community-services", "counts", use: counts)
    }

    struct CommunityCounts: Content {
        var communityCode: String
        var communityName: String?
        /// Wishes by `WishStatus`.
        var wishes: [String: Int]
        /// Service orders by `ServiceOrderStatus`.
        var serviceOrders: [String: Int]
        /// Completed or evaluated ÷ all orders not cancelled (nil without orders).
        var serviceOrderDoneRate: Double?
        var volunteers: Int
    }

    func counts(req: Request) async throws -> [CommunityCounts] {
        let principal = try await req.require(.viewCommunityServices)
        return try await CommunityHubCounts.counts(principal, req)
    }

}
