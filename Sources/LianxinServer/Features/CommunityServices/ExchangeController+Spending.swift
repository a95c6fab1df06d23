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
        let result = try await Self.exchange(try req.content.decode(ExchangeInput.self), principal: principal, req)
        return try await result.encodeResponse(status: .created, for: req)
    }

    /// Spends points on goods: under locks of the volunteer and then the goods (always in that order, so two
    /// exchanges never deadlock), the balance is summed from the ledger and the stock read, the core check decides,
    /// and the exchange, its negative ledger entry and the lower stock are written together — or nothing is.
    static func exchange(_ input: ExchangeInput, principal: Principal, _ req: Request) async throws -> ExchangeDTO {
        var checks = InputValidator(req)
        let volunteer = try await input.volunteerId.asyncMap { try await Volunteer.find($0, on: req.db) } ?? nil
        if volunteer.map({ principal.canSee(divisionCode: $0.communityCode) }) != true {
            checks.fail("/volunteerId", "a volunteer registered in your division / 志愿者不存在或不在辖区内")
        }
        let goods = try await input.goodsId.asyncMap { try await MerchantGoods.find($0, on: req.db) } ?? nil
        if goods.map({ principal.canSee(divisionCode: $0.communityCode) }) != true {
            checks.fail("/goodsId", "goods of a merchant in your division / 兑换物品不存在或不在辖区内")
        }
        if input.quantity == nil { checks.fail("/quantity", "how many / 请填写数量") }
        try checks.finish()
        guard let volunteerID = volunteer?.id, let goodsID = goods?.id, let quantity = input.quantity else { throw Problem.notFound("goods") }
        let now = req.lianxin.now()
        return try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await CommunityServicesQueries.lock(Volunteer.schema, id: volunteerID, on: db)
                try await CommunityServicesQueries.lock(MerchantGoods.schema, id: goodsID, on: db)
                guard let line = try await MerchantGoods.find(goodsID, on: db) else { throw Problem.notFound("goods") }
                let balance = try await PointsLedgerStore.balance(of: volunteerID, on: db)
                let cost: Int
                do {
                    cost = try PointsExchange.cost(quantity: quantity, price: line.points, stock: line.stock, balance: balance)
                } catch let refusal as PointsExchange.Refusal {
                    if case .quantityNotPositive = refusal { throw Problem.invalid(field: refusal.field, refusal.description) }
                    throw Problem.conflict(refusal.description, field: refusal.field)
                }
                let exchange = Exchange()
                exchange.id = UUID()
                exchange.volunteerID = volunteerID
                exchange.goodsID = goodsID
                exchange.communityCode = line.communityCode
                exchange.quantity = quantity
                exchange.points = cost
                exchange.recordedBy = principal.userID
                exchange.at = now
                try await exchange.create(on: db)
                let entry = try PointsEntry(
                    id: UUID(), volunteerID: volunteerID, amount: -cost, reason: .exchange,
                    referenceID: exchange.id, time: now)
                try await PointsLedgerStore.insert(entry, community: line.communityCode, on: db)
                line.stock -= quantity
                try await line.update(on: db)
                return ExchangeDTO(
                    id: exchange.id ?? UUID(), volunteerId: volunteerID, goodsId: goodsID, quantity: quantity, points: cost,
                    balance: balance - cost, at: now)
            }
        }
    }
}
