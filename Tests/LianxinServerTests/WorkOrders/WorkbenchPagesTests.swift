import Foundation
import Testing
import Fluent
import VaporTesting
@testable import LianxinServer
@testable import LianxinCore

/// The workbench and resident pages driven as a browser drives them: forms with their CSRF tokens,
/// redirects after each step, messages beside the fields, and the same rules as the API.
@Suite("Workbench pages: intake desk, queue, order page, resident pages, grid map")
struct WorkbenchPagesTests {
    static func orderID(_ location: String?) throws -> String {
        let path = try #require(location)
        return String(try #require(path.split(separator: "/").last?.split(separator: "?").first))
    }

    static func department(_ code: String, _ app: Application) async throws -> String {
        try #require(try await Department.query(on: app.db).filter(\.$code == code).first()?.id?.uuidString)
    }

    static func status(_ id: String, _ app: Application) async throws -> String {
        try #require(try await WorkOrder.find(UUID(uuidString: id), on: app.db)?.status)
    }

    @Test func theDeskFilesAnOrderShowsItsNumberAndClocksAndNamesEachMistake() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("operator")
            let desk = try await client.send(.GET, "/desk")
            #expect(desk.status == .ok)
            let html = desk.body.string
            for field in ["requesterPhone", "requesterName", "title", "description", "categoryCode", "address", "divisionCode", "photo"] {
                #expect(html.contains("<label for=\"\(field)\""), "\(field) has a label")
            }
            #expect(html.contains("<svg viewBox=") && html.contains("data-code=\""), "the map of the operator's grids is drawn")
            let token = try #require(TestClient.csrfToken(in: html))
            let before = try await count("work_orders", app)

            // Mistakes: each named beside its field, nothing written.
            let bad = try await client.send(
                .POST, "/desk",
                form: [
                    "_csrf": token, "title": "", "description": "井盖缺失",
                    "categoryCode": "9999", "requesterPhone": "12345",
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("id=\"title-error\""))
            #expect(bad.body.string.contains("id=\"categoryCode-error\""))
            #expect(bad.body.string.contains("id=\"requesterPhone-error\""))
            #expect(bad.body.string.contains("value=\"井盖缺失\"") || bad.body.string.contains(">井盖缺失<"), "what was typed is kept")
            #expect(try await count("work_orders", app) == before)

            let key = UUID().uuidString
            let form = [
                "_csrf": token, "idempotencyKey": key, "title": "井盖缺失", "description": "人民路口井盖缺失，有人险些跌落",
                "categoryCode": "0601", "channel": "hotline", "requestKind": "report", "requesterPhone": "13907931111",
                "requesterName": "王先生", "divisionCode": "361102001001",
            ]
            let filed = try await client.send(.POST, "/desk", form: form)
            #expect(filed.status == .seeOther)
            let id = try Self.orderID(filed.headers.first(name: .location))
            let page = try await client.send(.GET, "/orders/\(id)?created=1").body.string
            let order = try #require(try await WorkOrder.find(UUID(uuidString: id), on: app.db))
            #expect(page.contains("id=\"created-notice\"") && page.contains(order.number) && page.contains(order.trackingCode))
            #expect(page.contains("class=\"clocks\"") && page.contains("data-due=\""), "the clocks show at once")
            #expect(page.contains("王*") && !page.contains("13907931111"), "the caller is masked")
            #expect(order.status == "received" && order.channel == "hotline")
            // A second press of the button (same key) files nothing new.
            let again = try await client.send(.POST, "/desk", form: form)
            #expect(try Self.orderID(again.headers.first(name: .location)) == id)
            #expect(try await count("work_orders", app) == before + 1)
            // The caller's earlier requests, found by the number through the blind index.
            let previous = try await client.send(.GET, "/api/v1/work-orders?phone=13907931111")
            #expect(try previous.json(ListPage<WorkOrderDTO>.self).items.map(\.id.uuidString) == [id])
        }
    }

    @Test func aResidentsReportGoesToClosedThroughThePagesWithAReopenOnTheWay() async throws {
        try await withLianxin(demo: true) { app, staff in
            // The resident reports (no account: the pre-login CSRF cookie and the tracking code).
            let resident = TestClient(app: app)
            let report = try await resident.send(.GET, "/p/report")
            #expect(report.status == .ok && report.body.string.contains("随手拍"))
            let token = try #require(TestClient.csrfToken(in: report.body.string))
            let missing = try await resident.send(.POST, "/p/report", form: ["_csrf": token, "description": "小区门口的路灯不亮了"])
            #expect(missing.status == .unprocessableEntity && missing.body.string.contains("id=\"r-division-error\""))
            let sent = try await resident.send(
                .POST, "/p/report",
                form: [
                    "_csrf": token, "description": "小区门口路灯坏了好几天，晚上一片漆黑",
                    "divisionCode": "361102001001", "requesterPhone": "13907932222",
                ])
            #expect(sent.status == .seeOther)
            let trackPath = try #require(sent.headers.first(name: .location))
            let code = String(trackPath.dropFirst("/p/track/".count).prefix { $0 != "?" })
            let order = try #require(try await WorkOrder.query(on: app.db).filter(\.$trackingCode == code).first())
            let id = try order.requireID().uuidString
            #expect(order.channel == "miniProgram" && order.status == "submitted")
            #expect(try await resident.send(.GET, trackPath).body.string.contains(TrackingCode.grouped(code)))

            // The dispatcher routes it from the queue in one action.
            try await staff.login("dispatcher")
            let queue = try await staff.send(.GET, "/queue")
            #expect(queue.body.string.contains("id=\"row-\(order.number)\""))
            let fragment = try await staff.send(.GET, "/queue?fragment=rows")
            #expect(fragment.body.string.contains("row-\(order.number)") && !fragment.body.string.contains("<html"))
            let queueToken = try #require(TestClient.csrfToken(in: queue.body.string))
            let unit = try await Self.department("XZ-CG", app)
            let routed = try await staff.send(.POST, "/queue/\(id)/route", form: ["_csrf": queueToken, "departmentId": unit])
            #expect(routed.status == .seeOther)
            #expect(try await Self.status(id, app) == "dispatched")

            // The handler signs, arrives and completes from the order page.
            let handler = TestClient(app: app)
            try await handler.login("handler")
            let inbox = try await handler.send(.GET, "/my-orders").body.string
            #expect(inbox.contains(order.number))
            var page = try await handler.send(.GET, "/orders/\(id)").body.string
            #expect(page.contains("id=\"act-sign\"") && !page.contains("id=\"act-close\""), "the handler is offered exactly their steps")
            let act = try #require(TestClient.csrfToken(in: page))
            for (action, extra) in [("sign", [:]), ("arrive", ["latitude": "28.4547", "longitude": "117.9431"]), ("complete", ["note": "已更换灯泡"])]
                as [(String, [String: String])]
            {
                let step = try await handler.send(.POST, "/orders/\(id)/act", form: ["_csrf": act, "action": action].merging(extra) { a, _ in a })
                #expect(step.status == .seeOther, "\(action)")
            }
            #expect(try await Self.status(id, app) == "completed")
            // A step the handler may not take comes back as a message, and changes nothing.
            let refused = try await handler.send(.POST, "/orders/\(id)/act", form: ["_csrf": act, "action": "close", "note": "x"])
            #expect(refused.status == .forbidden || refused.status == .conflict)
            #expect(refused.body.string.contains("id=\"error\""))
            #expect(try await Self.status(id, app) == "completed")

            // The resident is not satisfied: reopened.
            let track = try await resident.send(.GET, "/p/track/\(code)").body.string
            #expect(track.contains("id=\"evaluate-form\""))
            let unanswered = try await resident.send(
                .POST, "/p/track/\(code)/evaluation", form: ["_csrf": token, "satisfaction": "dissatisfied", "phoneSuffix": "2222"])
            #expect(unanswered.status == .unprocessableEntity && unanswered.body.string.contains("id=\"e-solved-error\""))
            let notTheRequester = try await resident.send(
                .POST, "/p/track/\(code)/evaluation",
                form: ["_csrf": token, "satisfaction": "dissatisfied", "solved": "false", "phoneSuffix": "1111"])
            #expect(notTheRequester.status == .unprocessableEntity && notTheRequester.body.string.contains("id=\"e-suffix-error\""))
            #expect(notTheRequester.body.string.contains("手机号后四位与诉求登记的号码不符"))
            let evaluated = try await resident.send(
                .POST, "/p/track/\(code)/evaluation",
                form: ["_csrf": token, "satisfaction": "dissatisfied", "solved": "false", "comment": "又不亮了", "phoneSuffix": "2222"])
            #expect(evaluated.status == .seeOther)
            #expect(try await Self.status(id, app) == "reopened")

            // Done again, then closed by the operator.
            for (action, extra) in [("sign", [:]), ("complete", ["note": "更换整套线路"])] as [(String, [String: String])] {
                #expect(
                    try await handler.send(.POST, "/orders/\(id)/act", form: ["_csrf": act, "action": action].merging(extra) { a, _ in a }).status
                        == .seeOther)
            }
            let operatorClient = TestClient(app: app)
            try await operatorClient.login("operator")
            page = try await operatorClient.send(.GET, "/orders/\(id)").body.string
            // Issue 18 item 15: the requester left a phone, so the page offers 回访 and not 结案 before it.
            #expect(page.contains("id=\"act-revisit\"") && !page.contains("id=\"act-close\""))
            let close = try await operatorClient.send(
                .POST, "/orders/\(id)/act",
                form: ["_csrf": try #require(TestClient.csrfToken(in: page)), "action": "close", "note": "回访满意"])
            #expect(close.status == .seeOther)
            #expect(try await Self.status(id, app) == "closed")
            let finalPage = try await resident.send(.GET, "/p/track/\(code)").body.string
            #expect(finalPage.contains("已结案"))
            let timeline = try await operatorClient.send(.GET, "/orders/\(id)").body.string
            for step in ["提交诉求", "受理", "派单", "签收", "到场", "办结", "回访评价", "结案"] { #expect(timeline.contains(step), "\(step) in the timeline") }
        }
    }

    /// #18 item 9: the order list's search box finds an order by the caller's phone (in any spacing) and by
    /// its tracking code, as its hint says, besides the number and the title.
    @Test func item09_theOrderSearchFindsByPhoneTrackingCodeNumberAndTitle() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let order = try await staff.create().json(WorkOrderDTO.self)
            func found(_ q: String) async throws -> Bool {
                let escaped = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? q
                let page = try await staff.operatorClient.send(.GET, "/orders?q=\(escaped)")
                return page.status == .ok && page.body.string.contains(order.number)
            }
            #expect(try await found("13807930001"), "the caller's mobile")
            #expect(try await found("138 0793 0001"), "written with spaces")
            #expect(try await found(order.trackingCode.lowercased()), "the tracking code")
            #expect(try await found(TrackingCode.grouped(order.trackingCode)), "the tracking code as printed")
            #expect(try await found(order.number), "the order number")
            #expect(try await found("路灯不亮"), "words of the title")
            #expect(!(try await found("13807939999")), "another phone finds nothing")
        }
    }

    @Test func pagesKeepToTheUsersScopeAndRole() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("operator")
            let token = try await client.csrf("/desk")
            let filed = try await client.send(
                .POST, "/desk",
                form: [
                    "_csrf": token, "title": "噪音扰民", "description": "夜间施工噪音",
                    "categoryCode": "0602", "divisionCode": "361102001001",
                ])
            let id = try Self.orderID(filed.headers.first(name: .location))
            // The handler of a department the order was not sent to: 404, as in the API.
            let handler = TestClient(app: app)
            try await handler.login("handler")
            #expect(try await handler.send(.GET, "/orders/\(id)").status == .notFound)
            #expect(
                try await handler.send(.POST, "/orders/\(id)/act", form: ["_csrf": try await handler.csrf("/my-orders"), "action": "sign"]).status
                    == .notFound)
            // Pages for other roles are refused.
            #expect(try await handler.send(.GET, "/desk").status == .forbidden)
            #expect(try await handler.send(.GET, "/supervision").status == .notFound)
            #expect(try await handler.send(.GET, "/admin/rules").status == .forbidden)
            // Signed out: to the login page.
            let anonymous = TestClient(app: app)
            let redirected = try await anonymous.send(.GET, "/queue", headers: ["Accept": "text/html"])
            #expect(redirected.status == .seeOther && redirected.headers.first(name: .location)?.hasPrefix("/login") == true)
        }
    }

    @Test func theGridMapDrawsEveryGridAndItsCardCountsTheGrid() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("community")
            let page = try await client.send(.GET, "/grid-map").body.string
            let grids = try await Grid.query(on: app.db).filter(\.$validTo == nil).filter(\.$communityCode, .custom("LIKE"), "361102001001%").all()
            #expect(!grids.isEmpty)
            for grid in grids { #expect(page.contains("data-code=\"\(grid.code)\""), "\(grid.code) drawn") }
            #expect(!page.contains("http://") && !page.contains("https://"), "nothing from outside: no tiles, no fonts")
            let grid = try #require(grids.first)
            let card = try await client.send(.GET, "/grid-map/\(grid.code)/card")
            #expect(card.status == .ok && !card.body.string.contains("<html"))
            let households = try await Household.query(on: app.db).filter(\.$gridCode == grid.code).count()
            #expect(card.body.string.contains("<dd>\(households) ·"), "the card counts the grid's households")
            // Another district's grid is out of scope.
            let other = try await Grid.query(on: app.db).filter(\.$validTo == nil).filter(\.$communityCode, .custom("NOT LIKE"), "361102001001%")
                .first()
            if let other { #expect(try await client.send(.GET, "/grid-map/\(other.code)/card").status == .notFound) }
            let list = try await client.send(.GET, "/grid-map/\(grid.code)")
            #expect(list.status == .ok)
        }
    }

    /// A text a template asks for and no language has renders as nothing: every `t.key` must exist.
    @Test func everyTextTheTemplatesUseExistsInBothLanguages() throws {
        let localizer = try Localizer(directory: repositoryRoot + "/Resources/Locales")
        let zh = localizer.table(.zhCN), en = localizer.table(.en)
        let views = repositoryRoot + "/Resources/Views"
        let pattern = try NSRegularExpression(pattern: "#\\(t\\.([A-Za-z0-9_]+)\\)")
        var checked = 0
        let files = FileManager.default.enumerator(atPath: views)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".leaf") {
            let text = try String(contentsOfFile: views + "/" + file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range(at: 1), in: text) else { continue }
                let key = String(text[range])
                #expect(zh[key] != nil && en[key] != nil, "\(file) uses \(key), which is not in both languages")
                checked += 1
            }
        }
        #expect(checked > 300)
    }

    @Test func everyWorkbenchPageRendersForItsRoleInBothLanguagesWithNothingFromOutside() async throws {
        try await withLianxin(demo: true) { app, client in
            let pages: [(String, [String])] = [
                ("operator", ["/desk", "/queue", "/orders", "/grid-map"]),
                ("dispatcher", ["/queue", "/supervision", "/whistles"]),
                ("handler", ["/my-orders", "/whistles"]),
                ("gridmember", ["/my-visits", "/desk"]),
                ("community", ["/whistles", "/whistles/new", "/grid-map"]),
                ("supervisor", ["/supervision", "/orders"]),
                ("admin", ["/admin/rules"]),
            ]
            for (user, paths) in pages {
                let session = TestClient(app: app)
                try await session.login(user)
                for language in ["zh-CN", "en"] {
                    _ = try await session.send(.GET, "/lang/\(language)?back=/")
                    for path in paths {
                        let response = try await session.send(.GET, path)
                        #expect(response.status == .ok, "\(user) \(path) \(language)")
                        let html = response.body.string
                        #expect(html.contains("<html lang=\"\(language)\">"), "\(path) in \(language)")
                        #expect(!html.contains("src=\"http") && !html.contains("href=\"http"), "\(path) loads from outside")
                        #expect(!html.contains("<script>") && !html.contains(" style=\""), "\(path) has inline script or style")
                    }
                }
            }
            let resident = TestClient(app: app)
            for path in ["/p/report", "/p/track"] { #expect(try await resident.send(.GET, path).status == .ok) }
            #expect(try await resident.send(.GET, "/p/track?code=XXXX").status == .unprocessableEntity)
        }
    }

    @Test func aGridMemberRecordsAVisitThroughTheFormAndAFindingBecomesAnOrder() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("gridmember")
            let due = try await client.send(.GET, "/my-visits").body.string
            let household = try #require(try await Household.query(on: app.db).sort(\.$address).first())
            #expect(due.contains(household.address) || due.contains("/visits/new?household="), "the due list links to the visit form")
            let form = try await client.send(.GET, "/visits/new?household=\(try household.requireID())")
            #expect(form.status == .ok)
            let token = try #require(TestClient.csrfToken(in: form.body.string))
            let orders = try await count("work_orders", app)
            // A finding to file without a category: named beside the field, nothing written.
            let bad = try await client.send(
                .POST, "/visits/new",
                form: [
                    "_csrf": token, "householdId": try household.requireID().uuidString,
                    "note": "入户走访", "finding": "楼道灯坏了", "outcome": "workOrder",
                ])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("class=\"field-error\""))
            let visits = try await count("visits", app), ordersNow = try await count("work_orders", app)
            #expect(visits == 0 && ordersNow == orders)
            let ok = try await client.send(
                .POST, "/visits/new",
                form: [
                    "_csrf": token, "householdId": try household.requireID().uuidString,
                    "note": "入户走访，老人身体尚好", "finding": "楼道灯坏了", "outcome": "workOrder",
                    "categoryCode": "0601",
                ])
            #expect(ok.status == .seeOther && ok.headers.first(name: .location) == "/my-visits?recorded=1")
            #expect(try await count("visits", app) == 1)
            let filed = try await WorkOrder.query(on: app.db).filter(\.$channel == "gridPatrol").count()
            #expect(filed == 1)
            // Another community's household is not reachable from the form.
            let other = try await Household.query(on: app.db).filter(\.$communityCode != household.communityCode).first()
            if let other { #expect(try await client.send(.GET, "/visits/new?household=\(try other.requireID())").status == .notFound) }
        }
    }

    @Test func aWhistleIsBlownOnAnOrderReportedAndMarkedThroughThePages() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("community")
            let form = try await client.send(.GET, "/whistles/new").body.string
            let token = try #require(TestClient.csrfToken(in: form))
            let unit = try await Self.department("XZ-CG", app)
            let missing = try await client.send(.POST, "/whistles/new", form: ["_csrf": token, "title": "占道经营", "departmentIds[]": unit])
            #expect(missing.status == .unprocessableEntity && missing.body.string.contains("id=\"w-arrival-error\""))
            #expect(try await count("whistles", app) == 0)
            let blown = try await client.send(
                .POST, "/whistles/new",
                form: [
                    "_csrf": token, "title": "占道经营", "description": "菜市场门口占道",
                    "requiredArrival": "2026-09-22T10:00", "departmentIds[]": unit,
                ])
            #expect(blown.status == .seeOther)
            let path = try #require(blown.headers.first(name: .location))
            let handler = TestClient(app: app)
            try await handler.login("handler")
            let page = try await handler.send(.GET, path).body.string
            #expect(page.contains("占道经营") && page.contains("/report\""), "the summoned department may report")
            let reported = try await handler.send(
                .POST, path + "/report", form: ["_csrf": try #require(TestClient.csrfToken(in: page)), "note": "已到场"])
            #expect(reported.status == .seeOther)
            let again = try await handler.send(.POST, path + "/report", form: ["_csrf": try #require(TestClient.csrfToken(in: page)), "note": "再次"])
            #expect(again.status == .conflict && again.body.string.contains("id=\"error\""))
            let detail = try await client.send(.GET, path).body.string
            let scored = try await client.send(
                .POST, path + "/evaluations",
                form: [
                    "_csrf": try #require(TestClient.csrfToken(in: detail)),
                    "departmentId": unit, "evaluator": "blower", "handling": "5", "satisfaction": "4",
                ])
            #expect(scored.status == .seeOther)
            #expect(try await client.send(.GET, "/whistles").body.string.contains("占道经营"))
        }
    }

    @Test func theAdminChangesARoutingRuleFromThePageAndAMistakeIsNamed() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("admin")
            let page = try await client.send(.GET, "/admin/rules").body.string
            #expect(
                page.contains("id=\"routing\"") && page.contains("id=\"sla\"") && page.contains("id=\"calendar\"") && page.contains("id=\"grids\""))
            let token = try #require(TestClient.csrfToken(in: page))
            let before = try await count("routing_rules", app)
            let bad = try await client.send(
                .POST, "/admin/rules/routing", form: ["_csrf": token, "categoryCode": "0601", "divisionCode": "999999", "departmentCode": "XZ-CG"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("id=\"ru-division-error\""))
            #expect(try await count("routing_rules", app) == before)
            let ok = try await client.send(
                .POST, "/admin/rules/routing", form: ["_csrf": token, "categoryCode": "0601", "divisionCode": "361102", "departmentCode": "XZ-CG"])
            #expect(ok.status == .seeOther)
            #expect(try await count("routing_rules", app) == before + 1)
            #expect(try await auditActions(app).contains { $0.action == "settings.change" && $0.target?.hasPrefix("routing:0601") == true })
            let notice = try await client.send(.POST, "/admin/rules/calendar", form: ["_csrf": token, "notice": "2031-13-01,holiday,坏日期"])
            #expect(notice.status == .unprocessableEntity)
        }
    }
}
