import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
@testable import LianxinCore

/// Helpers of the community-services tests: signed-in clients and JSON calls with the CSRF header.
struct CommunityServicesClient {
    let client: TestClient
    let csrf: String

    static func login(_ app: Application, _ username: String, _ password: String = DemoSeeder.password) async throws -> CommunityServicesClient {
        let client = TestClient(app: app)
        try await client.login(username, password)
        return CommunityServicesClient(client: client, csrf: try await client.csrf())
    }

    @discardableResult
    func post(_ path: String, _ body: some Encodable) async throws -> TestingHTTPResponse {
        try await client.send(.POST, path, headers: ["X-CSRF-Token": csrf], json: body)
    }

    func get(_ path: String) async throws -> TestingHTTPResponse { try await client.send(.GET, path) }

    /// A neighbouring community's staff member (祝家巷社区), created by the administrator.
    static func neighbour(_ app: Application) async throws -> CommunityServicesClient {
        let admin = TestClient(app: app)
        try await admin.login("secadmin")
        let account = AccountService.NewAccount(
            username: "zhujiaxiang", displayName: "祝家巷社区 孙", password: "Neighbour@2026",
            role: "communityStaff", divisionCode: "361102002001")
        #expect(try await admin.send(.POST, "/api/v1/users", headers: ["X-CSRF-Token": try await admin.csrf()], json: account).status == .created)
        try await acceptInitialPassword(account.username, app)
        return try await login(app, "zhujiaxiang", "Neighbour@2026")
    }
}

func communityProblemFields(_ response: TestingHTTPResponse) -> [String] {
    ((try? response.field("errors")) as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
}

@Suite("Community services: service orders (居民点单、社区派单、党员接单)")
struct CommunityServicesOrderTests {
    static let community = "361102001001"

    @Test func aResidentsOrderIsAssignedTakenOnceCompletedAndEvaluatedWithTheTrackingCode() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await CommunityServicesClient.login(app, "community")
            let member = try await CommunityServicesClient.login(app, "gridmember")
            let item = try await staff.post("/api/v1/service-menu", ServiceOrdersController.ItemInput(name: "磨刀", description: "每周四"))
            #expect(item.status == .created)
            let itemID = try item.json(ServiceOrdersController.ItemDTO.self).id

            // Bad input names every field and writes nothing.
            let before = try await count("cs_service_orders", app)
            let bad = try await member.post(
                "/api/v1/service-orders", ServiceOrderService.OrderInput(itemId: UUID(), residentName: "", phone: "12", address: "x"))
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(communityProblemFields(bad)) == ["/itemId", "/residentName", "/phone", "/address"])
            #expect(try await count("cs_service_orders", app) == before)

            let created = try await member.post(
                "/api/v1/service-orders",
                ServiceOrderService.OrderInput(
                    itemId: itemID, residentName: "王秀英", phone: "13807931001", address: "上滩头小区 1 栋 1-101", note: "下午在家"))
            #expect(created.status == .created)
            let order = try created.json(ServiceOrdersController.OrderDTO.self)
            #expect(order.status == "ordered" && order.phone == "138****1001" && order.source == "staff")

            let volunteer = try await staff.post(
                "/api/v1/volunteers", VolunteersController.VolunteerInput(name: "党员 吴志刚", phone: "13907930001", partyMember: true)
            )
            .json(VolunteersController.VolunteerDTO.self)
            // A grid member may not assign; the community does.
            #expect(
                try await member.post(
                    "/api/v1/service-orders/\(order.id)/actions", ServiceOrderService.ActionInput(action: "assign", volunteerId: volunteer.id)
                ).status == .forbidden)
            let assigned = try await staff.post(
                "/api/v1/service-orders/\(order.id)/actions", ServiceOrderService.ActionInput(action: "assign", volunteerId: volunteer.id))
            #expect(try assigned.json(ServiceOrdersController.OrderDTO.self).status == "assigned")

            // Two takes at the same moment: one succeeds, the other is a conflict.
            let other = try await CommunityServicesClient.login(app, "gridmember")
            async let first = member.post(
                "/api/v1/service-orders/\(order.id)/actions", ServiceOrderService.ActionInput(action: "take", volunteerId: volunteer.id))
            async let second = other.post(
                "/api/v1/service-orders/\(order.id)/actions", ServiceOrderService.ActionInput(action: "take", volunteerId: volunteer.id))
            let statuses = try await [first.status, second.status]
            #expect(statuses.filter { $0 == .ok }.count == 1 && statuses.filter { $0 == .conflict }.count == 1)

            let noNote = try await member.post(
                "/api/v1/service-orders/\(order.id)/actions", ServiceOrderService.ActionInput(action: "complete", note: " "))
            #expect(noNote.status == .conflict && communityProblemFields(noNote) == ["/note"])
            #expect(
                try await member.post(
                    "/api/v1/service-orders/\(order.id)/actions", ServiceOrderService.ActionInput(action: "complete", note: "已磨好两把菜刀")
                ).status == .ok)

            // The resident follows and evaluates with the tracking code; names are masked and staff are not shown.
            let tracked = try await staff.client.send(.GET, "/api/v1/public/service-orders/\(order.trackingCode)").json(
                ServiceOrdersController.PublicOrderDTO.self)
            #expect(tracked.residentName == "王**" && tracked.canEvaluate && tracked.history.count == 4)
            let anonymous = TestClient(app: app)
            let stranger = try await anonymous.send(
                .POST, "/api/v1/public/service-orders/\(order.trackingCode)/evaluation",
                json: ServiceOrderService.ActionInput(satisfaction: "dissatisfied", comment: "差", phoneSuffix: "9999"))
            #expect(
                stranger.status == .unprocessableEntity && communityProblemFields(stranger) == ["/phoneSuffix"], "the code alone does not evaluate")
            let evaluation = try await anonymous.send(
                .POST, "/api/v1/public/service-orders/\(order.trackingCode)/evaluation",
                json: ServiceOrderService.ActionInput(satisfaction: "satisfied", comment: "很及时", phoneSuffix: "1001"))
            #expect(evaluation.status == .ok)
            #expect(
                try await anonymous.send(
                    .POST, "/api/v1/public/service-orders/\(order.trackingCode)/evaluation",
                    json: ServiceOrderService.ActionInput(satisfaction: "satisfied", phoneSuffix: "1001")
                ).status == .conflict)
            let detail = try await staff.get("/api/v1/service-orders/\(order.id)").json(ServiceOrdersController.OrderDTO.self)
            #expect(detail.status == "evaluated" && detail.satisfaction == "satisfied" && detail.volunteerName == "党员 吴志刚")
            #expect(detail.events?.map(\.action) == ["order", "assign", "take", "complete", "evaluate"])

            // Counts per community for the dashboards.
            let counts = try await staff.get("/api/v1/community-services/counts").json([CountsController.CommunityCounts].self)
            let row = try #require(counts.first { $0.communityCode == Self.community })
            #expect(row.serviceOrders["evaluated"] == 1 && row.serviceOrders["ordered"] == 1 && row.wishes["posted"] == 1)
        }
    }

    @Test func anotherCommunitysStaffGetNotFoundAndSeeNothing() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await CommunityServicesClient.login(app, "community")
            let order = try #require(try await staff.get("/api/v1/service-orders").json([ServiceOrdersController.OrderDTO].self).first)
            let wish = try #require(try await staff.get("/api/v1/wishes").json([WishesController.WishDTO].self).first)
            let volunteer = try #require(try await staff.get("/api/v1/volunteers").json([VolunteersController.VolunteerDTO].self).first)
            let neighbour = try await CommunityServicesClient.neighbour(app)
            #expect(try await neighbour.get("/api/v1/service-orders/\(order.id)").status == .notFound)
            #expect(
                try await neighbour.post("/api/v1/service-orders/\(order.id)/actions", ServiceOrderService.ActionInput(action: "cancel", reason: "x"))
                    .status == .notFound)
            #expect(try await neighbour.get("/api/v1/wishes/\(wish.id)").status == .notFound)
            #expect(
                try await neighbour.post("/api/v1/wishes/\(wish.id)/claim", WishesController.ClaimInput(claimantKind: "unit", claimantName: "某单位"))
                    .status == .notFound)
            #expect(try await neighbour.get("/api/v1/volunteers/\(volunteer.id)").status == .notFound)
            #expect(try await neighbour.get("/api/v1/service-orders").json([ServiceOrdersController.OrderDTO].self).isEmpty)
            #expect(try await neighbour.get("/api/v1/volunteers").json([VolunteersController.VolunteerDTO].self).isEmpty)
            #expect(try await neighbour.get("/api/v1/community-services/counts").json([CountsController.CommunityCounts].self).isEmpty)
            // Nor may they post into a community outside their division.
            let foreign = try await neighbour.post(
                "/api/v1/wishes", WishesController.WishInput(communityCode: Self.community, residentName: "张三", title: "一台收音机"))
            #expect(foreign.status == .unprocessableEntity && communityProblemFields(foreign) == ["/communityCode"])
            #expect(try await auditActions(app).contains { $0.action == "scope.denied" })
        }
    }
}

@Suite("Community services: 微心愿")
struct CommunityServicesWishTests {
    @Test func aWishIsClaimedOnceEvenConcurrentlyFulfilledWithAPhotoAndConfirmedEarningPoints() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await CommunityServicesClient.login(app, "community")
            let member = try await CommunityServicesClient.login(app, "gridmember")
            let bad = try await member.post("/api/v1/wishes", WishesController.WishInput(residentName: "", phone: "abc", title: "x"))
            #expect(bad.status == .unprocessableEntity && Set(communityProblemFields(bad)) == ["/residentName", "/phone", "/title"])
            let wish = try await member.post(
                "/api/v1/wishes",
                WishesController.WishInput(
                    residentName: "陈桂兰", phone: "13807931006", title: "想要一台收音机",
                    details: "电话 13807931006 联系")
            )
            .json(WishesController.WishDTO.self)
            #expect(wish.status == "posted" && wish.phone == "138****1006")
            let volunteer = try await staff.post("/api/v1/volunteers", VolunteersController.VolunteerInput(name: "郑小燕", phone: "13907930002"))
                .json(VolunteersController.VolunteerDTO.self)

            let other = try await CommunityServicesClient.login(app, "community")
            async let first = staff.post(
                "/api/v1/wishes/\(wish.id)/claim", WishesController.ClaimInput(claimantKind: "volunteer", volunteerId: volunteer.id))
            async let second = other.post(
                "/api/v1/wishes/\(wish.id)/claim", WishesController.ClaimInput(claimantKind: "merchant", claimantName: "上滩头爱心超市"))
            let responses = try await [first, second]
            #expect(responses.filter { $0.status == .ok }.count == 1 && responses.filter { $0.status == .conflict }.count == 1)
            let winner = try #require(responses.first { $0.status == .ok }).json(WishesController.WishDTO.self)
            #expect(
                try await staff.post("/api/v1/wishes/\(wish.id)/claim", WishesController.ClaimInput(claimantKind: "unit", claimantName: "区税务局"))
                    .status == .conflict)

            // The public wall masks the resident and the numbers in the text.
            let wall = try await TestClient(app: app).send(.GET, "/api/v1/public/wishes?community=361102001001").json(
                [WishesController.WallWish].self)
            let shown = try #require(wall.first { $0.id == wish.id })
            #expect(shown.resident == "陈**" && !shown.details.contains("13807931006") && shown.status == "claimed")

            // Confirming before the photo is refused; the photo fulfils it; confirming earns the volunteer the wish points.
            #expect(try await staff.post("/api/v1/wishes/\(wish.id)/confirmation", [String: String]()).status == .conflict)
            let png = [UInt8](try QRCode(encoding: "收音机").png(scale: 2))
            let notImage = try await staff.client.send(
                .POST, "/api/v1/wishes/\(wish.id)/fulfilment", headers: ["X-CSRF-Token": staff.csrf],
                raw: (Array("not an image".utf8), .png))
            #expect(notImage.status.code >= 400 && notImage.status.code < 500)
            let fulfilled = try await staff.client.send(
                .POST, "/api/v1/wishes/\(wish.id)/fulfilment?note=%E5%B7%B2%E9%80%81%E8%BE%BE",
                headers: ["X-CSRF-Token": staff.csrf], raw: (png, .png))
            #expect(fulfilled.status == .ok)
            #expect(try await staff.get("/api/v1/wishes/\(wish.id)/photo").body.readableBytes == png.count)
            let confirmed = try await staff.post("/api/v1/wishes/\(wish.id)/confirmation", [String: String]()).json(WishesController.WishDTO.self)
            #expect(confirmed.status == "confirmed")
            let after = try await staff.get("/api/v1/volunteers/\(volunteer.id)").json(VolunteersController.VolunteerDetail.self)
            #expect(after.volunteer.balance == (winner.volunteerId == volunteer.id ? 20 : 0))
        }
    }
}

@Suite("Community services: volunteers, service hours and the points ledger")
struct CommunityServicesPointsTests {
    @Test func checkOutCreditsHoursAndPointsAndAnExchangeNeverOverdrawsOrExceedsTheStock() async throws {
        let clock = TestClock(CommunityFixturesServer.instant("2026-03-05 16:55"))
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let staff = try await CommunityServicesClient.login(app, "community")
            let volunteer = try await staff.post("/api/v1/volunteers", VolunteersController.VolunteerInput(name: "钱多多", phone: "13907930003"))
                .json(VolunteersController.VolunteerDTO.self)
            let twice = try await staff.post("/api/v1/volunteers", VolunteersController.VolunteerInput(name: "钱多多", phone: "139 0793 0003"))
            #expect(twice.status == .conflict && communityProblemFields(twice) == ["/phone"])

            let rules = try await staff.client.send(
                .PUT, "/api/v1/earn-rules/361102001001", headers: ["X-CSRF-Token": staff.csrf],
                json: VolunteersController.RulesDTO(
                    communityCode: "361102001001", pointsPerServiceHour: 10,
                    serviceRounding: "down", pointsPerWish: 20, pointsPerEvent: 5))
            #expect(rules.status == .ok)
            let badRules = try await staff.client.send(
                .PUT, "/api/v1/earn-rules/361102001001", headers: ["X-CSRF-Token": staff.csrf],
                json: VolunteersController.RulesDTO(
                    communityCode: "", pointsPerServiceHour: -1,
                    serviceRounding: "down", pointsPerWish: 20, pointsPerEvent: 5))
            #expect(badRules.status == .unprocessableEntity && communityProblemFields(badRules) == ["/pointsPerServiceHour"])

            let activity = try await staff.post(
                "/api/v1/volunteer-activities",
                ActivitiesController.ActivityInput(
                    title: "敬老院打扫", place: "水南敬老院", startsAt: "2026-03-05T14:00", endsAt: "2026-03-05T17:00", capacity: 1))
            #expect(activity.status == .created)
            let activityID = try activity.json(ActivitiesController.ActivityDTO.self).id
            #expect(
                try await staff.post(
                    "/api/v1/volunteer-activities/\(activityID)/signups", ActivitiesController.SignUpInput(volunteerId: volunteer.id)
                ).status == .created)
            let second = try await staff.post("/api/v1/volunteers", VolunteersController.VolunteerInput(name: "孙悦", phone: "13907930004"))
                .json(VolunteersController.VolunteerDTO.self)
            let full = try await staff.post(
                "/api/v1/volunteer-activities/\(activityID)/signups", ActivitiesController.SignUpInput(volunteerId: second.id))
            #expect(full.status == .conflict)

            // The organiser records the afternoon afterwards: in at 14:00, out at 16:50 (2 h 50 min of service).
            #expect(
                try await staff.post(
                    "/api/v1/volunteer-activities/\(activityID)/attendance",
                    ActivitiesController.AttendanceInput(
                        action: "checkIn", volunteerId: volunteer.id, at: CommunityFixturesServer.instant("2026-03-05 14:00"))
                ).status == .ok)
            let early = try await staff.post(
                "/api/v1/volunteer-activities/\(activityID)/attendance",
                ActivitiesController.AttendanceInput(
                    action: "checkOut", volunteerId: volunteer.id, at: CommunityFixturesServer.instant("2026-03-05 13:00")))
            #expect(early.status == .unprocessableEntity && communityProblemFields(early) == ["/at"])
            let out = try await staff.post(
                "/api/v1/volunteer-activities/\(activityID)/attendance",
                ActivitiesController.AttendanceInput(
                    action: "checkOut", volunteerId: volunteer.id, at: CommunityFixturesServer.instant("2026-03-05 16:50")))
            #expect(try out.json(ActivitiesController.ActivityDTO.self).signups?.first?.minutes == 165, "2 h 50 min is credited as 11 quarter hours")
            #expect(
                try await staff.post(
                    "/api/v1/volunteer-activities/\(activityID)/attendance",
                    ActivitiesController.AttendanceInput(action: "checkOut", volunteerId: volunteer.id)
                ).status == .conflict)
            // 2 h 45 min credited = 27 points at 10 an hour (fractions dropped), plus 5 for the event.
            let detail = try await staff.get("/api/v1/volunteers/\(volunteer.id)").json(VolunteersController.VolunteerDetail.self)
            #expect(detail.volunteer.balance == 32 && detail.serviceMinutes == 165)
            #expect(detail.entries.map(\.reason).sorted() == ["eventAttended", "serviceHours"])

            let merchant = try await staff.post("/api/v1/merchants", ExchangeController.MerchantInput(name: "爱心理发店", address: "上滩头路 1 号"))
                .json(ExchangeController.MerchantDTO.self)
            let soap = try await staff.post("/api/v1/merchants/\(merchant.id)/goods", ExchangeController.GoodsInput(name: "香皂", points: 20, stock: 5))
                .json(ExchangeController.GoodsDTO.self)
            let towel = try await staff.post("/api/v1/merchants/\(merchant.id)/goods", ExchangeController.GoodsInput(name: "毛巾", points: 1, stock: 1))
                .json(ExchangeController.GoodsDTO.self)
            let entries = try await count("cs_points_entries", app)

            let overdraw = try await staff.post(
                "/api/v1/points-exchanges", ExchangeController.ExchangeInput(volunteerId: volunteer.id, goodsId: soap.id, quantity: 2))
            #expect(overdraw.status == .conflict && communityProblemFields(overdraw) == ["/volunteerId"])
            let beyondStock = try await staff.post(
                "/api/v1/points-exchanges", ExchangeController.ExchangeInput(volunteerId: volunteer.id, goodsId: towel.id, quantity: 2))
            #expect(beyondStock.status == .conflict && communityProblemFields(beyondStock) == ["/quantity"])
            let none = try await staff.post(
                "/api/v1/points-exchanges", ExchangeController.ExchangeInput(volunteerId: volunteer.id, goodsId: towel.id, quantity: 0))
            #expect(none.status == .unprocessableEntity && communityProblemFields(none) == ["/quantity"])
            #expect(try await count("cs_points_entries", app) == entries)
            #expect(try await count("cs_exchanges", app) == 0)

            // Two exchanges at once, each affordable alone (20 of 32) but not together: one is refused.
            let other = try await CommunityServicesClient.login(app, "community")
            async let first = staff.post(
                "/api/v1/points-exchanges", ExchangeController.ExchangeInput(volunteerId: volunteer.id, goodsId: soap.id, quantity: 1))
            async let second2 = other.post(
                "/api/v1/points-exchanges", ExchangeController.ExchangeInput(volunteerId: volunteer.id, goodsId: soap.id, quantity: 1))
            let statuses = try await [first.status, second2.status]
            #expect(statuses.filter { $0 == .created }.count == 1 && statuses.filter { $0 == .conflict }.count == 1)
            let balance = try await staff.get("/api/v1/volunteers/\(volunteer.id)").json(VolunteersController.VolunteerDetail.self).volunteer.balance
            #expect(balance == 12)
            let stock = try await staff.get("/api/v1/merchants").json([ExchangeController.MerchantDTO].self)
                .flatMap(\.goods).first { $0.id == soap.id }?.stock
            #expect(stock == 4)

            // Two volunteers at once for the last towel: the stock holds.
            let rich = try await staff.post("/api/v1/volunteers", VolunteersController.VolunteerInput(name: "李富", phone: "13907930005"))
                .json(VolunteersController.VolunteerDTO.self)
            let seeded = try #require(
                try await staff.get("/api/v1/volunteers").json([VolunteersController.VolunteerDTO].self).first { $0.balance == 60 })
            async let a = staff.post(
                "/api/v1/points-exchanges", ExchangeController.ExchangeInput(volunteerId: volunteer.id, goodsId: towel.id, quantity: 1))
            async let b = other.post(
                "/api/v1/points-exchanges", ExchangeController.ExchangeInput(volunteerId: seeded.id, goodsId: towel.id, quantity: 1))
            let towelStatuses = try await [a.status, b.status]
            #expect(towelStatuses.filter { $0 == .created }.count == 1 && towelStatuses.filter { $0 == .conflict }.count == 1)
            #expect(rich.balance == 0)

            // Rankings (最美志愿者) by points and by hours.
            let byHours = try await staff.get("/api/v1/volunteer-rankings?by=hours&from=2026-03-01&to=2026-03-31").json(
                VolunteersController.RankingDTO.self)
            #expect(byHours.items.first?.volunteerId == volunteer.id && byHours.items.first?.score == 165)
            let byPoints = try await staff.get("/api/v1/volunteer-rankings?by=points&from=2026-03-01&to=2026-03-31").json(
                VolunteersController.RankingDTO.self)
            #expect(byPoints.items.map(\.volunteerId).contains(volunteer.id))
            #expect(try await staff.get("/api/v1/volunteer-rankings?by=stars").status == .unprocessableEntity)
        }
    }

    @Test func inServicePartyMembersWithoutAnActivityInTheirCommunityThisQuarterAreListed() async throws {
        let clock = TestClock(CommunityFixturesServer.instant("2026-04-02 08:00"))
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let staff = try await CommunityServicesClient.login(app, "community")
            let member = try await staff.post(
                "/api/v1/volunteers",
                VolunteersController.VolunteerInput(
                    name: "党员 孔明", phone: "13907930006", partyMember: true, inService: true, workplace: "市财政局")
            ).json(VolunteersController.VolunteerDTO.self)
            let notParty = try await staff.post(
                "/api/v1/volunteers", VolunteersController.VolunteerInput(name: "甲", phone: "13907930007", inService: true))
            #expect(notParty.status == .unprocessableEntity && communityProblemFields(notParty) == ["/inService"])
            let before = try await staff.get("/api/v1/dual-check-in?quarter=2026-Q2").json(VolunteersController.DualCheckInDTO.self)
            #expect(before.missing.map(\.volunteerId).contains(member.id) && before.missing.contains { $0.name == "吴志刚" })

            let activity = try await staff.post(
                "/api/v1/volunteer-activities",
                ActivitiesController.ActivityInput(
                    title: "小区夜巡", place: "上滩头小区", startsAt: "2026-04-02T08:30", endsAt: "2026-04-02T10:00", capacity: 10)
            )
            .json(ActivitiesController.ActivityDTO.self)
            #expect(
                try await staff.post("/api/v1/volunteer-activities/\(activity.id)/signups", ActivitiesController.SignUpInput(volunteerId: member.id))
                    .status == .created)
            #expect(
                try await staff.post(
                    "/api/v1/volunteer-activities/\(activity.id)/attendance",
                    ActivitiesController.AttendanceInput(action: "checkIn", volunteerId: member.id)
                ).status == .ok)
            let after = try await staff.get("/api/v1/dual-check-in?quarter=2026-Q2").json(VolunteersController.DualCheckInDTO.self)
            #expect(!after.missing.map(\.volunteerId).contains(member.id) && after.reported == before.reported + 1)
            #expect(try await staff.get("/api/v1/dual-check-in?quarter=2026-Q5").status == .unprocessableEntity)
        }
    }
}

@Suite("Community services: service stations")
struct CommunityServicesStationTests {
    @Test func stationsAreCheckedAndListedPubliclyWithTheirPositionAndHours() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await CommunityServicesClient.login(app, "community")
            let before = try await count("cs_stations", app)
            let bad = try await staff.post(
                "/api/v1/service-stations",
                StationsController.StationInput(
                    name: "驿站", kind: "castle", address: "上滩头路", latitude: 200, longitude: 117.9, services: [], openingHours: "每天"))
            #expect(bad.status == .unprocessableEntity && Set(communityProblemFields(bad)) == ["/kind", "/latitude", "/services", "/openingHours"])
            #expect(try await count("cs_stations", app) == before)
            let created = try await staff.post(
                "/api/v1/service-stations",
                StationsController.StationInput(
                    name: "水南虔新驿站", kind: "workerStation", address: "水南街 1 号", latitude: 28.45, longitude: 117.94,
                    services: ["休息", "饮水"], openingHours: "1-7 00:00-24:00"))
            #expect(created.status == .created)
            let list = try await TestClient(app: app).send(.GET, "/api/v1/public/service-stations?community=361102001001").json(
                [StationsController.StationDTO].self)
            let station = try #require(list.first { $0.name == "水南虔新驿站" })
            #expect(station.openNow && station.latitude == 28.45 && station.services == ["休息", "饮水"])
            #expect(list.contains { $0.kind == "canteen" })
            #expect(try await TestClient(app: app).send(.GET, "/api/v1/public/service-stations?kind=castle").status == .unprocessableEntity)
            // A NUL byte (which PostgreSQL refuses in text) is a 422 naming the field, not a server error.
            let nul = try await staff.post(
                "/api/v1/service-stations",
                StationsController.StationInput(
                    name: "站\u{0}", kind: "canteen", address: "水南街 2 号", latitude: 28.45, longitude: 117.94, services: ["助餐"],
                    openingHours: "1-7 10:00-13:00"))
            #expect(nul.status == .unprocessableEntity && communityProblemFields(nul) == ["/name"])
            #expect(try await TestClient(app: app).send(.GET, "/api/v1/public/service-menu/%00").status == .notFound)
            #expect(try await staff.get("/api/v1/wishes?community=36%0011").status == .unprocessableEntity)
        }
    }
}

/// Beijing-time instants for the server tests.
enum CommunityFixturesServer {
    static func instant(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text.replacingOccurrences(of: " ", with: "T") + ":00+08:00") ?? Date(timeIntervalSince1970: 0)
    }
}
