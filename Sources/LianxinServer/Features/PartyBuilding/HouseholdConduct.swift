import Vapor
import Fluent
import LianxinCore

/// Household points (以评弘德, 积分超市) on the community points ledger: conduct items as data, a household credited for
/// an item with its evidence (the award and its ledger entry written together), and the household's balance and lines.
/// Households spend at the merchants through `ExchangeService` with `householdId`.
struct HouseholdConduct {
    let req: Request
    let principal: Principal

    struct ItemInput: Content {
        var label: String?
        var points: Int?
        var divisionCode: String?
    }

    struct AwardInput: Content {
        var itemId: String?
        var occurredOn: String?
        var evidence: String?
    }

    struct Line: Content {
        var reason: String
        var label: String
        var amount: Int
        var at: String
    }

    struct Ledger: Content {
        var householdId: String
        var address: String
        var balance: Int
        var lines: [Line]
    }

    static func household(_ id: String?, _ principal: Principal, _ req: Request) async throws -> Household {
        guard let id = id.flatMap(UUID.init(uuidString:)), let row = try await Household.find(id, on: req.db) else {
            throw Problem.notFound("household")
        }
        guard principal.canSee(divisionCode: row.communityCode) else { throw await req.outOfScope("household", target: id.uuidString) }
        return row
    }

    /// The conduct items that apply in `division` (its own and those of the divisions above it).
    static func items(for division: String, on db: any Database) async throws -> [ConductItem] {
        try await ConductItem.query(on: db).filter(\.$divisionCode ~~ PartyLookup.lineage(division)).sort(\.$label).all()
    }

    func createItem(_ input: ItemInput) async throws -> ConductItem {
        var checks = InputValidator(req)
        let label = checks.text(input.label, "/label", 2...60)
        let division = try await checks.division(input.divisionCode, principal, on: req.db)
        let points = input.points ?? 0
        if !PartyPointsRule.points.contains(points) { checks.fail("/points", key: "party_err_conduct_points") }
        try checks.finish()
        let row = ConductItem()
        row.divisionCode = division.value
        row.label = label
        row.points = points
        row.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return row
    }

    /// Credits `household` for an item: the award and its ledger entry are one write.
    func award(_ household: Household, _ input: AwardInput) async throws -> Ledger {
        var checks = InputValidator(req)
        let items = try await Self.items(for: household.communityCode, on: req.db)
        let item = input.itemId.flatMap(UUID.init(uuidString:)).flatMap { id in items.first { $0.id == id } }
        if item == nil { checks.fail("/itemId", key: "party_err_conduct_item") }
        let now = req.lianxin.now()
        let today = LocalDate(now, in: ResidentIDNumber.chinaTimeZone)
        let day = checks.day(input.occurredOn, "/occurredOn", default: today)
        if day > today || day.year < today.year - 1 { checks.fail("/occurredOn", key: "party_err_day") }
        let evidence = checks.text(input.evidence, "/evidence", 4...500)
        try checks.finish()
        guard let item else { throw Problem.notFound("item") }
        let award = ConductAward()
        award.id = UUID()
        award.householdID = try household.requireID()
        award.itemID = try item.requireID()
        award.divisionCode = household.communityCode
        award.points = item.points
        award.occurredOn = day.description
        award.evidence = evidence
        award.recordedBy = principal.username
        award.recordedAt = now
        let entry = try PointsEntry(
            id: UUID(), volunteerID: award.householdID, amount: item.points, reason: .householdConduct, referenceID: award.id, time: now)
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await award.create(on: db)
                try await PointsLedgerStore.insert(entry, community: household.communityCode, on: db)
            }
        }
        return try await ledger(household)
    }

    func ledger(_ household: Household) async throws -> Ledger {
        let id = try household.requireID()
        let entries = try await PointsLedgerStore.entries(of: [id], on: req.db)
        let awards = try await ConductAward.query(on: req.db).filter(\.$householdID == id).all()
        let items = Dictionary(
            try await ConductItem.query(on: req.db).filter(\.$id ~~ awards.map(\.itemID)).all().map { ($0.id!, $0.label) },
            uniquingKeysWith: { first, _ in first })
        let exchanges = try await Exchange.query(on: req.db).filter(\.$volunteerID == id).all()
        let goods = Dictionary(
            try await MerchantGoods.query(on: req.db).filter(\.$id ~~ exchanges.map(\.goodsID)).all().map { ($0.id!, $0.name) },
            uniquingKeysWith: { first, _ in first })
        let labels = awards.reduce(into: [UUID: String]()) { $0[$1.id!] = items[$1.itemID] ?? "" }
            .merging(exchanges.reduce(into: [UUID: String]()) { $0[$1.id!] = "\(goods[$1.goodsID] ?? "") ×\($1.quantity)" }) { first, _ in first }
        return Ledger(
            householdId: id.uuidString, address: household.address, balance: entries.reduce(0) { $0 + $1.amount },
            lines: entries.reversed().map { entry in
                Line(
                    reason: entry.reason.rawValue, label: entry.referenceID.flatMap { labels[$0] } ?? "", amount: entry.amount,
                    at: WorkbenchLookup.beijing(entry.time))
            })
    }
}
