import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
@testable import LianxinCore

@Suite("Community services pages and the residents' /p/ pages")
struct CommunityServicesPagesTests {
    @Test func theStaffPagesShowTheDemoCommunityAndFormsWriteAllOrNothing() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await CommunityServicesClient.login(app, "community")
            for (path, text) in [
                ("/community", "上滩头"), ("/community/service-orders", "上门理发"), ("/community/wishes", "想要一套课外读物"),
                ("/community/volunteers", "吴志刚"), ("/community/activities", "红帐篷志愿服务"),
                ("/community/exchange", "上滩头爱心超市"), ("/community/stations", "上滩头幸福食堂"),
            ] {
                let page = try await staff.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.body.string.contains(text), "\(path) shows \(text)")
                #expect(!page.body.string.contains("<script>") && !page.body.string.contains("style=\""), "\(path) needs no inline script or style")
            }
            // 双报到: the demo in-service party member has not reported this quarter.
            #expect(try await staff.get("/community/volunteers").body.string.contains("本季度尚未参加居住地社区活动的在职党员"))

            let item = try #require(try await ServiceMenuItem.query(on: app.db).filter(\.$name == "磨刀").first()).id!.uuidString
            let before = try await count("cs_service_orders", app)
            let bad = try await staff.client.send(
                .POST, "/community/service-orders",
                form: [
                    "_csrf": staff.csrf, "itemId": item, "residentName": "刘芳", "phone": "123", "address": "上滩头小区 1 栋 1-102",
                ])
            // #18 item 13: the form comes back with what was typed and the problem beside its field.
            #expect(bad.status == .unprocessableEntity)
            let refusal = bad.body.string
            #expect(refusal.contains("手机") && !refusal.contains("/phone"), "the message in words, without the field's pointer")
            #expect(refusal.contains("value=\"上滩头小区 1 栋 1-102\"") && refusal.contains("id=\"order-phone-error\""))
            #expect(try await count("cs_service_orders", app) == before)
            let good = try await staff.client.send(
                .POST, "/community/service-orders",
                form: [
                    "_csrf": staff.csrf, "itemId": item, "residentName": "刘芳", "phone": "13807931003", "address": "上滩头小区 1 栋 1-102",
                ])
            #expect(try #require(good.headers.first(name: .location)).contains("notice="))
            #expect(try await count("cs_service_orders", app) == before + 1)

            // The organiser signs a volunteer up and the exchange form refuses an overdraft with its message.
            let volunteer = try #require(try await Volunteer.query(on: app.db).filter(\.$name == "郑小燕").first()).id!.uuidString
            let goods = try #require(try await MerchantGoods.query(on: app.db).filter(\.$name == "大米 5 斤").first()).id!.uuidString
            let overdraw = try await staff.client.send(
                .POST, "/community/exchange",
                form: [
                    "_csrf": staff.csrf, "volunteerId": volunteer, "goodsId": goods, "quantity": "1",
                ])
            #expect(overdraw.status.code >= 400 && overdraw.body.string.contains("id=\"form-problems\""))
            #expect(try await count("cs_exchanges", app) == 0)

            // A grid member sees the pages but not the community's management forms; a handler is refused.
            let member = try await CommunityServicesClient.login(app, "gridmember")
            let orders = try await member.get("/community/service-orders")
            #expect(orders.status == .ok && !orders.body.string.contains("action=\"/community/service-menu\""))
            let handler = try await CommunityServicesClient.login(app, "handler")
            #expect(try await handler.get("/community").status == .forbidden)

            // A county supervisor reads every page of the division (with the community chosen in forms), in English too.
            let supervisor = try await CommunityServicesClient.login(app, "supervisor")
            supervisor.client.cookies["lianxin_lang"] = "en"
            for path in [
                "/community", "/community/service-orders", "/community/wishes", "/community/volunteers", "/community/activities",
                "/community/exchange", "/community/stations",
            ] {
                let page = try await supervisor.get(path)
                #expect(page.status == .ok && page.body.string.contains("Community services"), "\(path)")
            }
            #expect(try await supervisor.get("/").body.string.contains("href=\"/community\""))
        }
    }

    @Test func aResidentOrdersFromThePublicMenuFollowsItAndEvaluatesIt() async throws {
        try await withLianxin(demo: true) { app, _ in
            let resident = TestClient(app: app)
            let menu = try await resident.send(.GET, "/p/services/361102001001")
            #expect(menu.status == .ok && menu.body.string.contains("社保认证帮办"))
            let csrf = try #require(TestClient.csrfToken(in: menu.body.string))
            let item = try #require(try await ServiceMenuItem.query(on: app.db).filter(\.$name == "家电维修").first()).id!.uuidString
            let before = try await count("cs_service_orders", app)
            let bad = try await resident.send(
                .POST, "/p/services/361102001001", form: ["_csrf": csrf, "itemId": item, "residentName": "", "phone": "1380793", "address": "x"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("aria-invalid=\"true\""))
            #expect(try await count("cs_service_orders", app) == before)
            let ordered = try await resident.send(
                .POST, "/p/services/361102001001",
                form: [
                    "_csrf": csrf, "itemId": item, "residentName": "张伟", "phone": "13807931005", "address": "上滩头小区 5 栋 3-201", "note": "电饭煲坏了",
                ])
            let location = try #require(ordered.headers.first(name: .location))
            #expect(location.hasPrefix("/p/service-orders/") && location.hasSuffix("?created=1"))
            let tracking = try await resident.send(.GET, location)
            #expect(tracking.status == .ok && tracking.body.string.contains("张*") && !tracking.body.string.contains("13807931005"))
            #expect(try await resident.send(.GET, "/p/services/999999999999").status == .notFound)

            // The community assigns, the volunteer takes and completes; the resident evaluates on the page.
            let code = String(location.dropFirst("/p/service-orders/".count).prefix { $0 != "?" })
            let order = try #require(try await ServiceOrder.query(on: app.db).filter(\.$trackingCode == code).first())
            let volunteer = try #require(try await Volunteer.query(on: app.db).filter(\.$name == "周红梅").first())
            let staff = try await CommunityServicesClient.login(app, "community")
            for action in [
                ServiceOrderService.ActionInput(action: "assign", volunteerId: volunteer.id), .init(action: "take", volunteerId: volunteer.id),
                .init(action: "complete", note: "已更换保险丝"),
            ] {
                #expect(try await staff.post("/api/v1/service-orders/\(order.id!)/actions", action).status == .ok)
            }
            let page = try await resident.send(.GET, "/p/service-orders/\(code)")
            #expect(page.body.string.contains("name=\"satisfaction\""))
            let token = try #require(TestClient.csrfToken(in: page.body.string))
            // Wrong digits: the message beside the field, the choice and the comment kept, nothing recorded.
            let wrong = try await resident.send(
                .POST, "/p/service-orders/\(code)/evaluation",
                form: ["_csrf": token, "satisfaction": "basicallySatisfied", "comment": "挺好", "phoneSuffix": "9999"])
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("id=\"phone-suffix-error\""))
            #expect(wrong.body.string.contains("手机号后四位与诉求登记的号码不符") && !wrong.body.string.contains("/phoneSuffix"))
            #expect(wrong.body.string.contains(">挺好</textarea>") && wrong.body.string.contains("value=\"basicallySatisfied\" required checked"))
            #expect(try await ServiceOrder.find(order.id, on: app.db)?.satisfaction == nil)
            let evaluated = try await resident.send(
                .POST, "/p/service-orders/\(code)/evaluation",
                form: ["_csrf": token, "satisfaction": "basicallySatisfied", "comment": "挺好", "phoneSuffix": "1005"])
            #expect(evaluated.status == .seeOther, "after the evaluation the page is fetched again, so a refresh sends nothing twice")
            let thanked = try await resident.send(.GET, try #require(evaluated.headers.first(name: .location)))
            #expect(thanked.body.string.contains("感谢您的评价"))
            #expect(try await ServiceOrder.find(order.id, on: app.db)?.satisfaction == "basicallySatisfied")
        }
    }

    @Test func aVolunteerTakesAndCompletesTheirOrderOnTheirPersonalLink() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await CommunityServicesClient.login(app, "community")
            let party = try #require(try await Volunteer.query(on: app.db).filter(\.$name == "吴志刚").first())
            let other = try #require(try await Volunteer.query(on: app.db).filter(\.$name == "周红梅").first())
            let order = try #require(try await ServiceOrder.query(on: app.db).first())
            #expect(
                try await staff.post(
                    "/api/v1/service-orders/\(order.id!)/actions", ServiceOrderService.ActionInput(action: "assign", volunteerId: party.id)
                ).status == .ok)
            let link = try await staff.post("/api/v1/volunteers/\(party.id!)/link", [String: String]()).json(VolunteerLinkController.LinkDTO.self)
            #expect(try await auditActions(app).contains { $0.action == "token.create" && $0.target == "volunteer-link:\(party.id!)" })
            let otherLink = try await staff.post("/api/v1/volunteers/\(other.id!)/link", [String: String]()).json(
                VolunteerLinkController.LinkDTO.self)

            let phone = TestClient(app: app)
            let page = try await phone.send(.GET, link.url)
            #expect(page.status == .ok && page.body.string.contains(order.itemName))
            let csrf = try #require(TestClient.csrfToken(in: page.body.string))
            // Another volunteer's link cannot act on this order.
            #expect(try await phone.send(.POST, otherLink.url + "/orders/\(order.id!)", form: ["_csrf": csrf, "action": "take"]).status == .notFound)
            let taken = try await phone.send(.POST, link.url + "/orders/\(order.id!)", form: ["_csrf": csrf, "action": "take"])
            #expect(try #require(taken.headers.first(name: .location)).contains("notice="))
            let twice = try await phone.send(.POST, link.url + "/orders/\(order.id!)", form: ["_csrf": csrf, "action": "take"])
            #expect(try #require(twice.headers.first(name: .location)).contains("error="))
            _ = try await phone.send(.POST, link.url + "/orders/\(order.id!)", form: ["_csrf": csrf, "action": "complete", "note": "已上门理发"])
            let done = try #require(try await ServiceOrder.find(order.id, on: app.db))
            #expect(done.status == "completed" && done.completionNote == "已上门理发")
            let history = try await ServiceOrderEvent.query(on: app.db).filter(\.$orderID == order.id!).sort(\.$sequence).all()
            #expect(history.map(\.actor).suffix(2) == ["volunteer:吴志刚", "volunteer:吴志刚"])
            #expect(try await phone.send(.GET, "/p/volunteer/" + String(repeating: "x", count: 32)).status == .notFound)
            // A new link replaces the old one.
            _ = try await staff.post("/api/v1/volunteers/\(party.id!)/link", [String: String]())
            #expect(try await phone.send(.GET, link.url).status == .notFound)
        }
    }

    @Test func theWishWallMasksResidentsAndStationsAndQRCheckInArePublic() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let visitor = TestClient(app: app)
            let wall = try await visitor.send(.GET, "/p/wishes")
            #expect(wall.status == .ok && wall.body.string.contains("想要一套课外读物") && wall.body.string.contains("李**"))
            #expect(!wall.body.string.contains("李小明"))
            let stations = try await visitor.send(.GET, "/p/stations")
            #expect(stations.status == .ok && stations.body.string.contains("劳动路虔新驿站") && stations.body.string.contains("data-lat=\"28.4512\""))
            #expect(stations.body.string.contains("/js/community-map.js"))

            // The demo activity starts tomorrow: at its start, the volunteer checks in by QR with their phone, then out.
            let activity = try #require(try await Activity.query(on: app.db).first())
            clock.advance(86_400)
            let page = try await visitor.send(.GET, "/p/activity/\(activity.checkinCode)")
            #expect(page.status == .ok && page.body.string.contains("红帐篷志愿服务"))
            let csrf = try #require(TestClient.csrfToken(in: page.body.string))
            let unknown = try await visitor.send(.POST, "/p/activity/\(activity.checkinCode)", form: ["_csrf": csrf, "phone": "13900000000"])
            #expect(unknown.status == .unprocessableEntity)
            let checkIn = try await visitor.send(.POST, "/p/activity/\(activity.checkinCode)", form: ["_csrf": csrf, "phone": "139 0793 1103"])
            #expect(checkIn.status == .ok && checkIn.body.string.contains("签到成功"))
            clock.advance(2 * 3_600)
            let checkOut = try await visitor.send(.POST, "/p/activity/\(activity.checkinCode)", form: ["_csrf": csrf, "phone": "13907931103"])
            #expect(checkOut.status == .ok && checkOut.body.string.contains("签退成功") && checkOut.body.string.contains("120 min"))
            let again = try await visitor.send(.POST, "/p/activity/\(activity.checkinCode)", form: ["_csrf": csrf, "phone": "13907931103"])
            #expect(again.status == .conflict)
            let volunteer = try #require(try await Volunteer.query(on: app.db).filter(\.$name == "郑小燕").first())
            #expect(try await PointsLedgerStore.balance(of: volunteer.requireID(), on: app.db) == 25, "2 h at 10 an hour and 5 for the event")
            #expect(try await visitor.send(.GET, "/p/activity/notacode").status == .notFound)
        }
    }

    /// #16 item 11: the public QR check-in finds only volunteers of the activity's community; a
    /// phone registered in another community earns nothing there.
    @Test func item11_theActivityCheckInCreditsOnlyItsCommunitysVolunteers() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let activity = try #require(try await Activity.query(on: app.db).first())
            let outsider = Volunteer()
            outsider.id = UUID()
            outsider.communityCode = "361103001001"
            outsider.name = "外社区志愿者"
            outsider.phoneCipher = try app.lianxin.cipher.seal("13907939999", for: .volunteerPhone, row: try outsider.requireID())
            outsider.phoneIndex = app.lianxin.cipher.blindIndex("13907939999")
            outsider.partyMember = false
            outsider.inService = true
            outsider.registeredAt = app.lianxin.now()
            try await outsider.create(on: app.db)
            clock.advance(86_400)
            let visitor = TestClient(app: app)
            let page = try await visitor.send(.GET, "/p/activity/\(activity.checkinCode)")
            let csrf = try #require(TestClient.csrfToken(in: page.body.string))
            let refused = try await visitor.send(.POST, "/p/activity/\(activity.checkinCode)", form: ["_csrf": csrf, "phone": "13907939999"])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await SignUp.query(on: app.db).filter(\.$volunteerID == outsider.requireID()).count() == 0)
            #expect(try await PointsLedgerStore.balance(of: outsider.requireID(), on: app.db) == 0)
        }
    }
}
