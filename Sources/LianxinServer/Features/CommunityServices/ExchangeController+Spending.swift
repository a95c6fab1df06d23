import Vapor
import Fluent
import LianxinCore

/// Exchanges: spending a volunteer's points on goods, stock and balance checked under one lock.
extension ExchangeController {
    func exchanges(req: Request) async throws -> [ExchangeDTO] {
        let principal = try await req.require(.viewCommunityServices)
        var query = try CommunityScope.limit(Exchange.query(on: req.db), to: principal)
        if let volunteer = try? req.query.get(UUID.self, at: "volunteer") { query = query.filter(\.$volunteerID == volunteer) }
        return try await query.sort(\.$at, .descending).limit(500).all().map {
            ExchangeDTO(
                id: try $0.requireID(), volunteerId: $0.volunteerID, goodsId: $0.goodsID, quantity: $0.quantity, points: $0.points,
                balance: nil, at: $0.at)
        }
    }

    func exchange(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        let result = try await ExchangeService.exchange(try req.content.decode(ExchangeInput.self), principal: principal, req)
        return try await result.encodeResponse(status: .created, for: req)
    }

}
