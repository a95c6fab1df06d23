import Vapor
import Fluent
import LianxinCore

/// The counts of the community hub, for the API and the pages.
enum CommunityHubCounts {

    static func counts(_ principal: Principal, _ req: Request) async throws -> [CountsController.CommunityCounts] {
        let wishes = try await CommunityServicesQueries.statusCounts(of: Wish.schema, within: principal.division, on: req.db)
        let orders = try await CommunityServicesQueries.statusCounts(of: ServiceOrder.schema, within: principal.division, on: req.db)
        let volunteers = try await CommunityServicesQueries.volunteerCounts(within: principal.division, on: req.db)
        let codes = Set(wishes.map(\.communityCode) + orders.map(\.communityCode) + volunteers.map(\.communityCode)).sorted()
        let names =
            codes.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await Division.query(on: req.db).filter(\.$id ~~ codes).all()
                    .map { ($0.id ?? "", $0.name) })
        return codes.map { code in
            let wishCounts = Dictionary(
                uniqueKeysWithValues: WishStatus.allCases.map { status in
                    (status.rawValue, wishes.first { $0.communityCode == code && $0.status == status.rawValue }?.count ?? 0)
                })
            let orderCounts = Dictionary(
                uniqueKeysWithValues: ServiceOrderStatus.allCases.map { status in
                    (status.rawValue, orders.first { $0.communityCode == code && $0.status == status.rawValue }?.count ?? 0)
                })
            let live = orderCounts.filter { $0.key != ServiceOrderStatus.cancelled.rawValue }.values.reduce(0, +)
            let done = (orderCounts[ServiceOrderStatus.completed.rawValue] ?? 0) + (orderCounts[ServiceOrderStatus.evaluated.rawValue] ?? 0)
            return CountsController.CommunityCounts(
                communityCode: code, communityName: names[code], wishes: wishCounts, serviceOrders: orderCounts,
                serviceOrderDoneRate: live == 0 ? nil : Double(done) / Double(live),
                volunteers: volunteers.first { $0.communityCode == code }?.count ?? 0)
        }
    }
}
