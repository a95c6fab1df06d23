import Vapor
import Fluent
import LianxinCore

/// Possible duplicates of an order, for the suggestions API and the order page.
enum IntakeSuggestions {
    typealias DuplicateDTO = IntakeSuggestionsController.DuplicateDTO

    /// The open orders in the principal's scope, received within the finder's window of `sketch`,
    /// that look like the same problem, best first (at most five).
    static func duplicates(of sketch: OrderSketch, excluding excluded: UUID?, for principal: Principal, _ req: Request) async throws -> [DuplicateDTO]
    {
        let window = DuplicateFinderParameters().timeWindowHours * 3600
        var query = WorkOrderLookup.scoped(principal, on: req.db)
            .filter(\.$status !~ [WorkOrderStatus.closed, .cancelled, .merged].map(\.rawValue))
            .filter(\.$createdAt >= sketch.receivedAt.addingTimeInterval(-window))
            .filter(\.$createdAt <= sketch.receivedAt.addingTimeInterval(window))
        if let excluded { query = query.filter(\.$id != excluded) }
        let open = try await query.sort(\.$createdAt, .descending).limit(500).all()
        let candidates = open.map { order in
            OrderSketch(
                id: order.id?.uuidString ?? "", text: order.title + " " + order.description,
                location: order.latitude.flatMap { lat in order.longitude.map { GeoPoint(lon: $0, lat: lat) } },
                receivedAt: order.createdAt, callerHash: order.requesterPhoneIndex)
        }
        let byID = open.reduce(into: [String: WorkOrder]()) { $0[$1.id?.uuidString ?? ""] = $1 }
        return DuplicateFinder().suggestions(for: sketch, among: candidates).prefix(5).compactMap { suggestion -> DuplicateDTO? in
            guard let order = byID[suggestion.orderID], let id = order.id else { return nil }
            return DuplicateDTO(
                orderId: id, number: order.number, title: order.title, status: order.status,
                score: (suggestion.score * 1000).rounded() / 1000, textSimilarity: (suggestion.textSimilarity * 1000).rounded() / 1000,
                distanceMeters: suggestion.distanceMeters.map { $0.rounded() }, hoursApart: (suggestion.hoursApart * 10).rounded() / 10,
                sameCaller: suggestion.sameCaller)
        }
    }
}
