import Vapor
import Fluent
import LianxinCore

/// Caring merchants (爱心商家), the goods they offer for points with their stock, and exchanges (积分兑换): an
/// exchange is refused — and nothing written — when it would overdraw the volunteer or exceed the stock, also
/// when two exchanges arrive at the same moment.
struct ExchangeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("merchants", use: merchants)
        api.post("merchants", use: addMerchant)
        api.post("merchants", ":id", "goods", use: addGoods)
        api.get("points-exchanges", use: exchanges)
        api.post("points-exchanges", use: exchange)
    }

    struct MerchantInput: Content { var communityCode: String?; var name: String?; var address: String? }
    struct GoodsInput: Content { var name: String?; var points: Int?; var stock: Int? }
    struct GoodsDTO: Content { var id: UUID; var merchantId: UUID; var name: String; var points: Int; var stock: Int }
    struct MerchantDTO: Content { var id: UUID; var communityCode: String; var name: String; var address: String; var goods: [GoodsDTO] }
    struct ExchangeInput: Content { var volunteerId: UUID?; var goodsId: UUID?; var quantity: Int? }
    struct ExchangeDTO: Content {
        var id: UUID
        var volunteerId: UUID
        var goodsId: UUID
        var quantity: Int
        var points: Int
        var balance: Int?
        var at: Date
    }

    func merchants(req: Request) async throws -> [MerchantDTO] {
        let principal = try await req.require(.viewCommunityServices)
        return try await Self.merchants(principal, req)
    }

    static func merchants(_ principal: Principal, _ req: Request) async throws -> [MerchantDTO] {
        let merchants = try await CommunityScope.limit(MerchantRecord.query(on: req.db), to: principal).sort(\.$name).all()
        let ids = merchants.compactMap(\.id)
        let goods = ids.isEmpty ? [] : try await MerchantGoodsRecord.query(on: req.db).filter(\.$merchantID ~~ ids).sort(\.$name).all()
        return try merchants.map { merchant in
            MerchantDTO(id: try merchant.requireID(), communityCode: merchant.communityCode, name: merchant.name, address: merchant.address,
                        goods: try goods.filter { $0.merchantID == merchant.id }.map(dto))
        }
    }

    func addMerchant(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let merchant = try await Self.addMerchant(try req.content.decode(MerchantInput.self), principal: principal, req)
        return try await MerchantDTO(id: try merchant.requireID(), communityCode: merchant.communityCode, name: merchant.name,
                                     address: merchant.address, goods: []).encodeResponse(status: .created, for: req)
    }

    static func addMerchant(_ input: MerchantInput, principal: Principal, _ req: Request) async throws -> MerchantRecord {
        let community = try await CommunityScope.community(input.communityCode, for: principal, on: req.db)
        var checks = InputValidator(req)
        let name = checks.text(input.name, "/name", 1...100)
        let address = checks.text(input.address, "/address", 0...200)
        try checks.finish()
        let merchant = MerchantRecord()
        merchant.communityCode = community.id ?? ""
        merchant.name = name
        merchant.address = address
        merchant.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await merchant.create(on: req.db) }
        return merchant
    }

    func addGoods(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let merchant = try await CommunityScope.find(MerchantRecord.self, req, principal, what: "merchant")
        let goods = try await Self.addGoods(try req.content.decode(GoodsInput.self), to: merchant, req)
        return try await Self.dto(goods).encodeResponse(status: .created, for: req)
    }

    static func addGoods(_ input: GoodsInput, to merchant: MerchantRecord, _ req: Request) async throws -> MerchantGoodsRecord {
        var checks = InputValidator(req)
        let name = checks.text(input.name, "/name", 1...100)
        if !(1...100_000).contains(input.points ?? 0) { checks.fail("/points", "1–100000 points / 所需积分 1–100000") }
        if !(0...100_000).contains(input.stock ?? -1) { checks.fail("/stock", "0–100000 / 库存 0–100000") }
        try checks.finish()
        let goods = MerchantGoodsRecord()
        goods.merchantID = try merchant.requireID()
        goods.communityCode = merchant.communityCode
        goods.name = name
        goods.points = input.points ?? 1
        goods.stock = input.stock ?? 0
        try await req.lianxin.writes.run { try await goods.create(on: req.db) }
        return goods
    }

    func exchanges(req: Request) async throws -> [ExchangeDTO] {
        let principal = try await req.require(.viewCommunityServices)
        var query = try CommunityScope.limit(ExchangeRecord.query(on: req.db), to: principal)
        if let volunteer = try? req.query.get(UUID.self, at: "volunteer") { query = query.filter(\.$volunteerID == volunteer) }
        return try await query.sort(\.$at, .descending).limit(500).all().map {
            ExchangeDTO(id: try $0.requireID(), volunteerId: $0.volunteerID, goodsId: $0.goodsID, quantity: $0.quantity, points: $0.points,
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
        let volunteer = try await input.volunteerId.asyncMap { try await VolunteerRecord.find($0, on: req.db) } ?? nil
        if volunteer.map({ principal.canSee(divisionCode: $0.communityCode) }) != true {
            checks.fail("/volunteerId", "a volunteer registered in your division / 志愿者不存在或不在辖区内")
        }
        let goods = try await input.goodsId.asyncMap { try await MerchantGoodsRecord.find($0, on: req.db) } ?? nil
        if goods.map({ principal.canSee(divisionCode: $0.communityCode) }) != true {
            checks.fail("/goodsId", "goods of a merchant in your division / 兑换物品不存在或不在辖区内")
        }
        if input.quantity == nil { checks.fail("/quantity", "how many / 请填写数量") }
        try checks.finish()
        guard let volunteerID = volunteer?.id, let goodsID = goods?.id, let quantity = input.quantity else { throw Problem.notFound("goods") }
        let now = req.lianxin.now()
        return try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await CommunityServicesQueries.lock(VolunteerRecord.schema, id: volunteerID, on: db)
                try await CommunityServicesQueries.lock(MerchantGoodsRecord.schema, id: goodsID, on: db)
                guard let line = try await MerchantGoodsRecord.find(goodsID, on: db) else { throw Problem.notFound("goods") }
                let balance = try await PointsLedgerStore.balance(of: volunteerID, on: db)
                let cost: Int
                do {
                    cost = try PointsExchange.cost(quantity: quantity, price: line.points, stock: line.stock, balance: balance)
                } catch let refusal as PointsExchange.Refusal {
                    if case .quantityNotPositive = refusal { throw Problem.invalid(field: refusal.field, refusal.description) }
                    throw Problem.conflict(refusal.description, field: refusal.field)
                }
                let exchange = ExchangeRecord()
                exchange.id = UUID()
                exchange.volunteerID = volunteerID
                exchange.goodsID = goodsID
                exchange.communityCode = line.communityCode
                exchange.quantity = quantity
                exchange.points = cost
                exchange.recordedBy = principal.userID
                exchange.at = now
                try await exchange.create(on: db)
                let entry = try PointsEntry(id: UUID(), volunteerID: volunteerID, amount: -cost, reason: .exchange,
                                            referenceID: exchange.id, time: now)
                try await PointsLedgerStore.insert(entry, community: line.communityCode, on: db)
                line.stock -= quantity
                try await line.update(on: db)
                return ExchangeDTO(id: exchange.id ?? UUID(), volunteerId: volunteerID, goodsId: goodsID, quantity: quantity, points: cost,
                                   balance: balance - cost, at: now)
            }
        }
    }

    static func dto(_ goods: MerchantGoodsRecord) throws -> GoodsDTO {
        GoodsDTO(id: try goods.requireID(), merchantId: goods.merchantID, name: goods.name, points: goods.points, stock: goods.stock)
    }
}
