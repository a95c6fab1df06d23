import Vapor
import Fluent
import LianxinCore

/// Points exchange for the API and the pages: merchants, goods and exchanges.
enum ExchangeService {
    typealias GoodsDTO = ExchangeController.GoodsDTO
    typealias ExchangeDTO = ExchangeController.ExchangeDTO
    typealias ExchangeInput = ExchangeController.ExchangeInput
    typealias GoodsInput = ExchangeController.GoodsInput
    typealias MerchantDTO = ExchangeController.MerchantDTO
    typealias MerchantInput = ExchangeController.MerchantInput

    static func addGoods(_ input: GoodsInput, to merchant: Merchant, _ req: Request) async throws -> MerchantGoods {
        var checks = InputValidator(req)
        let name = checks.text(input.name, "/name", 1...100)
        if !(1...100_000).contains(input.points ?? 0) { checks.fail("/points", "1–100000 points / 所需积分 1–100000") }
        if !(0...100_000).contains(input.stock ?? -1) { checks.fail("/stock", "0–100000 / 库存 0–100000") }
        try checks.finish()
        let goods = MerchantGoods()
        goods.merchantID = try merchant.requireID()
        goods.communityCode = merchant.communityCode
        goods.name = name
        goods.points = input.points ?? 1
        goods.stock = input.stock ?? 0
        try await req.lianxin.writes.run { try await goods.create(on: req.db) }
        return goods
    }

    static func addMerchant(_ input: MerchantInput, principal: Principal, _ req: Request) async throws -> Merchant {
        let community = try await CommunityScope.community(input.communityCode, for: principal, on: req.db)
        var checks = InputValidator(req)
        let name = checks.text(input.name, "/name", 1...100)
        let address = checks.text(input.address, "/address", 0...200)
        try checks.finish()
        let merchant = Merchant()
        merchant.communityCode = community.id ?? ""
        merchant.name = name
        merchant.address = address
        merchant.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await merchant.create(on: req.db) }
        return merchant
    }

    /// Spends points on goods: under locks of the volunteer and then the goods (always in that order, so two
    /// exchanges never deadlock), the balance is summed from the ledger and the stock read, the core check decides,
    /// and the exchange, its negative ledger entry and the lower stock are written together — or nothing is.
    static func exchange(_ input: ExchangeInput, principal: Principal, _ req: Request) async throws -> ExchangeDTO {
        var checks = InputValidator(req)
        let holder = try await ExchangeService.holder(input, principal: principal, checks: &checks, req)
        let goods = try await input.goodsId.asyncMap { try await MerchantGoods.find($0, on: req.db) } ?? nil
        if goods.map({ principal.canSee(divisionCode: $0.communityCode) }) != true {
            checks.fail("/goodsId", "goods of a merchant in your division / 兑换物品不存在或不在辖区内")
        }
        if input.quantity == nil { checks.fail("/quantity", "how many / 请填写数量") }
        try checks.finish()
        guard let holder, let goodsID = goods?.id, let quantity = input.quantity else { throw Problem.notFound("goods") }
        let (holderSchema, volunteerID) = holder
        let now = req.lianxin.now()
        return try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await CommunityServicesQueries.lock(holderSchema, id: volunteerID, on: db)
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

    /// Whose points are spent: a volunteer registered in the principal's division, or — when only `householdId` is
    /// given — a household of it (household points, 以评弘德). Returns the table to lock and the ledger's holder id.
    static func holder(_ input: ExchangeInput, principal: Principal, checks: inout InputValidator, _ req: Request) async throws -> (String, UUID)? {
        if input.volunteerId == nil, let householdID = input.householdId {
            let household = try await Household.find(householdID, on: req.db)
            guard let household, principal.canSee(divisionCode: household.communityCode) else {
                checks.fail("/householdId", "a household registered in your division / 住户不存在或不在辖区内")
                return nil
            }
            return (Household.schema, try household.requireID())
        }
        let volunteer = try await input.volunteerId.asyncMap { try await Volunteer.find($0, on: req.db) } ?? nil
        guard let volunteer, principal.canSee(divisionCode: volunteer.communityCode) else {
            checks.fail("/volunteerId", "a volunteer registered in your division / 志愿者不存在或不在辖区内")
            return nil
        }
        return (Volunteer.schema, try volunteer.requireID())
    }

    static func merchants(_ principal: Principal, _ req: Request) async throws -> [MerchantDTO] {
        let merchants = try await CommunityScope.limit(Merchant.query(on: req.db), to: principal).sort(\.$name).all()
        let ids = merchants.compactMap(\.id)
        let goods = ids.isEmpty ? [] : try await MerchantGoods.query(on: req.db).filter(\.$merchantID ~~ ids).sort(\.$name).all()
        return try merchants.map { merchant in
            MerchantDTO(
                id: try merchant.requireID(), communityCode: merchant.communityCode, name: merchant.name, address: merchant.address,
                goods: try goods.filter { $0.merchantID == merchant.id }.map(ExchangeService.dto))
        }
    }

    static func dto(_ goods: MerchantGoods) throws -> GoodsDTO {
        GoodsDTO(id: try goods.requireID(), merchantId: goods.merchantID, name: goods.name, points: goods.points, stock: goods.stock)
    }
}
