import Vapor
import Fluent
import SQLKit
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
        return try await Self.counts(principal, req)
    }

    static func counts(_ principal: Principal, _ req: Request) async throws -> [CommunityCounts] {
        guard let sql = req.db as? any SQLDatabase else { return [] }
        let prefix = principal.division.value + "%"
        struct Row: Decodable { let community_code: String; let status: String; let n: Int }
        func grouped(_ table: String) async throws -> [Row] {
            try await sql.raw("""
                SELECT community_code, status, COUNT(*) AS n FROM \(ident: table)
                WHERE community_code LIKE \(bind: prefix) GROUP BY community_code, status
                """).all(decoding: Row.self)
        }
        struct VolunteerRow: Decodable { let community_code: String; let n: Int }
        let wishes = try await grouped(WishRecord.schema)
        let orders = try await grouped(ServiceOrderRecord.schema)
        let volunteers = try await sql.raw("""
            SELECT community_code, COUNT(*) AS n FROM \(ident: VolunteerRecord.schema)
            WHERE community_code LIKE \(bind: prefix) GROUP BY community_code
            """).all(decoding: VolunteerRow.self)
        let codes = Set(wishes.map(\.community_code) + orders.map(\.community_code) + volunteers.map(\.community_code)).sorted()
        let names = codes.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await Division.query(on: req.db).filter(\.$id ~~ codes).all()
            .map { ($0.id ?? "", $0.name) })
        return codes.map { code in
            let wishCounts = Dictionary(uniqueKeysWithValues: WishStatus.allCases.map { status in
                (status.rawValue, wishes.first { $0.community_code == code && $0.status == status.rawValue }?.n ?? 0)
            })
            let orderCounts = Dictionary(uniqueKeysWithValues: ServiceOrderStatus.allCases.map { status in
                (status.rawValue, orders.first { $0.community_code == code && $0.status == status.rawValue }?.n ?? 0)
            })
            let live = orderCounts.filter { $0.key != ServiceOrderStatus.cancelled.rawValue }.values.reduce(0, +)
            let done = (orderCounts[ServiceOrderStatus.completed.rawValue] ?? 0) + (orderCounts[ServiceOrderStatus.evaluated.rawValue] ?? 0)
            return CommunityCounts(communityCode: code, communityName: names[code], wishes: wishCounts, serviceOrders: orderCounts,
                                   serviceOrderDoneRate: live == 0 ? nil : Double(done) / Double(live),
                                   volunteers: volunteers.first { $0.community_code == code }?.n ?? 0)
        }
    }
}
