import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
import LianxinCore
@testable import LianxinServer

/// 幸福食堂 through the API and the page: a canteen opened in a village, diners registered with sealed ID numbers,
/// a lunch recorded at the listed prices (free from 90, 8 yuan from 60, the cost for others), the month's figures
/// and coverage; bad input named field by field; another community's staff see nothing of it.
@Suite("幸福食堂: canteens, diners, meals at the county's prices, subsidy owed and coverage; scope and bad input")
struct CanteenTests {
    /// A valid ID number of 信州区 for someone born on `birth` (YYYYMMDD).
    static func idNumber(_ birth: String, _ serial: String = "123") -> String {
        let first17 = "361102" + birth + serial
        return first17 + String(ResidentIDNumber.checkCharacter(forFirst17: first17.map { Int(String($0))! }))
    }

    struct Created: Decodable { let id: String }
    struct Recorded: Decodable {
        let meals: Int
        let paid: String
        let subsidy: String
    }

    @Test func aLunchIsRecordedAtTheListedPricesAndTheFiguresAddUp() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, client in
            let staff = try await PartyVillage.bearer("cs-canteen", role: "communityStaff", division: "361102001001", app)
            let leader = try await PartyVillage.bearer("leader-canteen", role: "leader", division: "361102", app)
            let opened = try await client.send(
                .POST, "/api/v1/canteens", headers: staff,
                json: CanteenService.CanteenInput(name: "上滩头幸福食堂", divisionCode: "361102001001", address: "上滩头社区党群服务中心一楼", mealCost: "15"))
            #expect(opened.status == .created, "\(opened.body.string)")
            let canteen = try opened.json(Created.self).id
            var diners: [String] = []
            for (name, birth, status) in [("刘桂英", "19350501", "ordinary"), ("王德福", "19500302", "ordinary"), ("陈小军", "19800615", "ordinary")] {
                let registered = try await client.send(
                    .POST, "/api/v1/canteens/diners", headers: staff,
                    json: CanteenService.DinerInput(canteenId: canteen, name: name, idNumber: Self.idNumber(birth), status: status))
                #expect(registered.status == .created, "\(registered.body.string)")
                diners.append(try registered.json(Created.self).id)
            }
            let row = try #require(try await CanteenDiner.query(on: app.db).filter(\.$name == "刘桂英").first())
            #expect(!String(decoding: row.idNumberCipher, as: UTF8.self).contains("19350501"), "sealed at rest")
            let again = try await client.send(
                .POST, "/api/v1/canteens/diners", headers: staff,
                json: CanteenService.DinerInput(canteenId: canteen, name: "刘桂英", idNumber: Self.idNumber("19350501"), status: "ordinary"))
            #expect(again.status == .unprocessableEntity && again.body.string.contains("/idNumber"))

            let today = LocalDate(clock.now, in: ResidentIDNumber.chinaTimeZone).description
            let lunch = try await client.send(
                .POST, "/api/v1/canteens/meals", headers: staff,
                json: CanteenService.MealsInput(canteenId: canteen, servedOn: today, sitting: "lunch", dinerIds: diners))
            #expect(lunch.status == .created, "\(lunch.body.string)")
            let recorded = try lunch.json(Recorded.self)
            // 91 years old: free (15 subsidised); 76: 8 yuan (7 subsidised); 46: the full 15.
            #expect(recorded.meals == 3 && recorded.paid == "23.00" && recorded.subsidy == "22.00")
            let twice = try await client.send(
                .POST, "/api/v1/canteens/meals", headers: staff,
                json: CanteenService.MealsInput(canteenId: canteen, servedOn: today, sitting: "lunch", dinerIds: [diners[0]]))
            #expect(twice.status == .unprocessableEntity && twice.body.string.contains("/dinerIds"))
            #expect(try await CanteenMeal.query(on: app.db).count() == 3, "nothing written by the refused request")

            let overview = try await client.send(.GET, "/api/v1/canteens/overview", headers: leader)
            #expect(overview.status == .ok)
            let figures = try overview.json(CanteenFigures.self)
            #expect(figures.meals == 3 && figures.freeMeals == 1 && figures.subsidy == "22.00" && figures.paid == "23.00")
            #expect(figures.canteens == 1 && figures.diners == 3 && figures.coveredVillages == 1 && figures.villages > 1)
            #expect(figures.coverage == 100 / figures.villages)
            #expect(figures.rules.first == "90 岁及以上：免费")
            #expect(figures.byDivision.first { $0.name == "水南街道" }?.meals == 3)

            // The county changes its price list: from now on everyone from 60 pays 5 yuan.
            let prices = try await client.send(
                .PUT, "/api/v1/canteens/prices", headers: leader,
                json: CanteenService.PriceListInput(rules: [.init(minAge: 90, status: nil, price: "0"), .init(minAge: 60, status: nil, price: "5")]))
            #expect(prices.status == .noContent, "\(prices.body.string)")
            let supper = try await client.send(
                .POST, "/api/v1/canteens/meals", headers: staff,
                json: CanteenService.MealsInput(canteenId: canteen, servedOn: today, sitting: "supper", dinerIds: [diners[1]]))
            #expect(try supper.json(Recorded.self).paid == "5.00")
            #expect(
                try await client.send(.PUT, "/api/v1/canteens/prices", headers: staff, json: CanteenService.PriceListInput(rules: [])).status
                    == .forbidden)

            // The page a leader reads.
            let page = TestClient(app: app)
            try await page.login("leader")
            let html = try await page.send(.GET, "/canteens")
            #expect(html.status == .ok && html.body.string.contains("上滩头幸福食堂") && html.body.string.contains("行政村（社区）覆盖率"))
        }
    }

    @Test func badInputIsNamedAndAnotherCommunitySeesNothing() async throws {
        try await withLianxin(demo: true) { app, client in
            let staff = try await PartyVillage.bearer("cs-canteen", role: "communityStaff", division: "361102001001", app)
            let other = try await PartyVillage.bearer("cs-other", role: "communityStaff", division: "361102002001", app)
            let bad = try await client.send(
                .POST, "/api/v1/canteens", headers: staff,
                json: CanteenService.CanteenInput(name: "", divisionCode: "361102002001", address: "x", mealCost: "十五"))
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(try bad.problemFields()) == ["/name", "/divisionCode", "/address", "/mealCost"])
            #expect(try await Canteen.query(on: app.db).count() == 0)
            let opened = try await client.send(
                .POST, "/api/v1/canteens", headers: staff,
                json: CanteenService.CanteenInput(name: "上滩头幸福食堂", divisionCode: "361102001001", address: "党群服务中心", mealCost: "14.50"))
            let canteen = try opened.json(Created.self).id
            #expect(try await Canteen.query(on: app.db).first()?.mealCostFen == 1450)
            let badDiner = try await client.send(
                .POST, "/api/v1/canteens/diners", headers: staff,
                json: CanteenService.DinerInput(canteenId: canteen, name: "刘桂英", idNumber: "361102193505011234", status: "rich"))
            #expect(Set(try badDiner.problemFields()) == ["/idNumber", "/status"])
            let badPrices = try await client.send(
                .PUT, "/api/v1/canteens/prices", headers: try await PartyVillage.bearer("leader-c", role: "leader", division: "361102", app),
                json: CanteenService.PriceListInput(rules: [.init(minAge: 60, status: nil, price: "8"), .init(minAge: 90, status: nil, price: "abc")])
            )
            #expect(try badPrices.problemFields() == ["/rules/1/price"])

            // Another community: the canteen is not there, and naming it is 404.
            let theirs = try await client.send(
                .POST, "/api/v1/canteens/diners", headers: other,
                json: CanteenService.DinerInput(canteenId: canteen, name: "张三", idNumber: Self.idNumber("19400101"), status: "ordinary"))
            #expect(theirs.status == .notFound)
            let figures = try (try await client.send(.GET, "/api/v1/canteens/overview", headers: other)).json(CanteenFigures.self)
            #expect(figures.canteens == 0 && figures.byCanteen.isEmpty)
            let meals = try await client.send(
                .POST, "/api/v1/canteens/meals", headers: other,
                json: CanteenService.MealsInput(canteenId: canteen, servedOn: "2026-01-01", sitting: "lunch", dinerIds: []))
            #expect(meals.status == .notFound)
            #expect(try await client.send(.GET, "/api/v1/canteens/overview").status == .unauthorized)
        }
    }
}
