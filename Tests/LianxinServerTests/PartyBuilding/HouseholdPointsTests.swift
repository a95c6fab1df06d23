import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
import LianxinCore
@testable import LianxinServer

@Suite("以评弘德 household points: credited with evidence on the community ledger, spent at the same merchants, in scope only")
struct HouseholdPointsTests {
    typealias Created = PartyVillage.Created

    @Test func aHouseholdIsCreditedForItsConductAndSpendsAtAMerchantWithoutOverdrawing() async throws {
        try await withLianxin(demo: true) { app, client in
            let village = try await PartyVillage.make(app, client)
            let household = try #require(try await Household.query(on: app.db).filter(\.$communityCode == "361102001001").sort(\.$door).first())
            let id = try household.requireID().uuidString
            let item = try await client.send(
                .POST, "/api/v1/party/conduct-items", headers: village.staff,
                json: HouseholdConduct.ItemInput(label: "孝老爱亲", points: 10, divisionCode: nil))
            #expect(item.status == .created, "\(item.body.string)")
            let itemID = try item.json(Created.self).id
            let credited = try await client.send(
                .POST, "/api/v1/party/households/\(id)/conduct", headers: village.staff,
                json: HouseholdConduct.AwardInput(itemId: itemID, occurredOn: "2026-09-15", evidence: "照顾瘫痪婆婆十年，评议会一致通过"))
            #expect(credited.status == .created, "\(credited.body.string)")
            #expect(try credited.json(HouseholdConduct.Ledger.self).balance == 10)
            let entry = try #require(try await PointsEntryRecord.query(on: app.db).filter(\.$volunteerID == household.requireID()).first())
            #expect(entry.reason == PointsReason.householdConduct.rawValue && entry.amount == 10, "on the community points ledger")

            let merchant = try await client.send(
                .POST, "/api/v1/merchants", headers: village.staff,
                json: ExchangeController.MerchantInput(communityCode: "361102001001", name: "积分超市", address: "上滩头社区服务站"))
            #expect(merchant.status == .created, "\(merchant.body.string)")
            let merchantID = try merchant.json(ExchangeController.MerchantDTO.self).id
            let goods = try await client.send(
                .POST, "/api/v1/merchants/\(merchantID)/goods", headers: village.staff,
                json: ExchangeController.GoodsInput(name: "洗衣液", points: 4, stock: 5))
            let goodsID = try goods.json(ExchangeController.GoodsDTO.self).id
            let spent = try await client.send(
                .POST, "/api/v1/points-exchanges", headers: village.staff,
                json: ExchangeController.ExchangeInput(volunteerId: nil, householdId: household.id, goodsId: goodsID, quantity: 2))
            #expect(spent.status == .created, "\(spent.body.string)")
            #expect(try spent.json(ExchangeController.ExchangeDTO.self).balance == 2)
            let overdraw = try await client.send(
                .POST, "/api/v1/points-exchanges", headers: village.staff,
                json: ExchangeController.ExchangeInput(volunteerId: nil, householdId: household.id, goodsId: goodsID, quantity: 1))
            #expect(overdraw.status == .conflict, "4 points asked, 2 left")
            let ledger = try await client.send(.GET, "/api/v1/party/households/\(id)/points", headers: village.staff).json(
                HouseholdConduct.Ledger.self)
            #expect(ledger.balance == 2)
            #expect(ledger.lines.map(\.amount) == [-8, 10])
            #expect(ledger.lines.first?.label == "洗衣液 ×2" && ledger.lines.last?.label == "孝老爱亲")

            let overview = try await client.send(.GET, "/api/v1/party/overview?year=2026", headers: village.staff).json(PartyOverview.self)
            #expect(overview.householdsCredited == 1 && overview.householdPointsAwarded == 10 && overview.householdPointsSpent == 8)
        }
    }

    @Test func anotherCommunityNeitherSeesNorCreditsNorSpendsTheHouseholdsPoints() async throws {
        try await withLianxin(demo: true) { app, client in
            let village = try await PartyVillage.make(app, client)
            let household = try #require(try await Household.query(on: app.db).filter(\.$communityCode == "361102001001").first())
            let id = try household.requireID().uuidString
            let item = try await client.send(
                .POST, "/api/v1/party/conduct-items", headers: village.staff,
                json: HouseholdConduct.ItemInput(label: "庭院整洁", points: 5, divisionCode: nil))
            let itemID = try item.json(Created.self).id
            #expect(try await client.send(.GET, "/api/v1/party/households/\(id)/points", headers: village.outsider).status == .notFound)
            let award = try await client.send(
                .POST, "/api/v1/party/households/\(id)/conduct", headers: village.outsider,
                json: HouseholdConduct.AwardInput(itemId: itemID, occurredOn: nil, evidence: "庭院整洁干净"))
            #expect(award.status == .notFound)
            #expect(try await client.send(.GET, "/party/households/\(id)", headers: village.outsider).status == .notFound)
            let spend = try await client.send(
                .POST, "/api/v1/points-exchanges", headers: village.outsider,
                json: ExchangeController.ExchangeInput(volunteerId: nil, householdId: household.id, goodsId: UUID(), quantity: 1))
            #expect(spend.status == .unprocessableEntity && spend.body.string.contains("/householdId"))
            #expect(try await ConductAward.query(on: app.db).count() == 0)
        }
    }

    @Test func badConductInputNamesEachFieldAndWritesNothing() async throws {
        try await withLianxin(demo: true) { app, client in
            let village = try await PartyVillage.make(app, client)
            let household = try #require(try await Household.query(on: app.db).filter(\.$communityCode == "361102001001").first())
            let badItem = try await client.send(
                .POST, "/api/v1/party/conduct-items", headers: village.staff,
                json: HouseholdConduct.ItemInput(label: "", points: 0, divisionCode: nil))
            #expect(badItem.status == .unprocessableEntity && badItem.body.string.contains("/label") && badItem.body.string.contains("/points"))
            let badAward = try await client.send(
                .POST, "/api/v1/party/households/\(try household.requireID())/conduct", headers: village.staff,
                json: HouseholdConduct.AwardInput(itemId: UUID().uuidString, occurredOn: "2030-01-01", evidence: ""))
            #expect(badAward.status == .unprocessableEntity)
            for field in ["/itemId", "/occurredOn", "/evidence"] { #expect(badAward.body.string.contains(field), "\(field)") }
            #expect(try await ConductAward.query(on: app.db).count() == 0)
            #expect(try await PointsEntryRecord.query(on: app.db).filter(\.$volunteerID == household.requireID()).count() == 0)
        }
    }
}
