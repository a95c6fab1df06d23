import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
@testable import LianxinServer
@testable import LianxinCore

/// #18 items 13 and 14: forms keep what was typed and show every problem at once, also without JavaScript;
/// dashboards and reports read as people read them.
@Suite("Forms keep input and show every problem; dashboards people can read")
struct FormsAndFiguresTests {
    @Test func item13_aResidentsReportShowsEveryProblemInOneAnswer() async throws {
        try await withLianxin(demo: true) { app, _ in
            let resident = TestClient(app: app)
            let token = try #require(TestClient.csrfToken(in: try await resident.send(.GET, "/p/report").body.string))
            let before = try await count("work_orders", app)
            let refused = try await resident.send(
                .POST, "/p/report", form: ["_csrf": token, "description": "灯", "requesterPhone": "123", "address": "劳动路12号"])
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            for id in ["r-description-error", "r-division-error", "r-phone-error"] {
                #expect(html.contains("id=\"\(id)\""), "\(id) in the same answer")
            }
            #expect(html.contains("value=\"劳动路12号\"") && html.contains("value=\"123\""))
            #expect(html.contains("aria-invalid=\"true\" autofocus"))
            #expect(html.contains("请填写11位手机号码") && !html.contains("1[3-9]"))
            #expect(try await count("work_orders", app) == before)
        }
    }

    @Test func item13_engagementFormsWorkWithoutJavaScript() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let community = try await makeCommunityStaff(app)
            let page = try await community.send(.GET, "/engagement/meetings")
            let html = page.body.string
            #expect(html.contains("<form method=\"post\" action=\"/api/v1/meetings\""))
            let csrf = try #require(TestClient.csrfToken(in: html))
            let before = try await count("meetings", app)
            // A page form as a browser without JavaScript sends it: URL-encoded, to the API path, with `_back`.
            let refused = try await community.send(
                .POST, "/api/v1/meetings",
                form: ["_csrf": csrf, "_back": "/engagement/meetings", "_redirect": "/engagement/meetings/{id}", "title": "停车难怎么办", "place": ""])
            #expect(refused.status == .unprocessableEntity)
            let again = refused.body.string
            #expect(again.contains("id=\"form-problems\"") && again.contains("value=\"停车难怎么办\""))
            #expect(again.contains("须填写会议时间") && again.contains("地点须为"))
            #expect(!again.contains("/place") && !again.contains("/scheduledAt"))
            #expect(try await count("meetings", app) == before)

            let created = try await community.send(
                .POST, "/api/v1/meetings",
                form: [
                    "_csrf": csrf, "_back": "/engagement/meetings", "_redirect": "/engagement/meetings/{id}", "_types": "scheduledAt:datetime",
                    "kind": "courtyard", "title": "停车难怎么办", "place": "3栋前坪", "scheduledAt": "2026-09-22T19:30",
                ])
            #expect(created.status == .seeOther)
            let location = try #require(created.headers.first(name: .location))
            #expect(location.hasPrefix("/engagement/meetings/") && location.count > "/engagement/meetings/".count + 30)
            #expect(try await count("meetings", app) == before + 1)
            let meeting = try #require(try await Meeting.query(on: app.db).filter(\.$title == "停车难怎么办").first())
            #expect(WorkbenchLookup.beijing(meeting.scheduledAt) == "2026-09-22 19:30")
        }
    }

    @Test func item13_aCommunityFormKeepsWhatWasTyped() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("community")
            let csrf = try await client.csrf("/community/wishes")
            let refused = try await client.send(
                .POST, "/community/wishes", form: ["_csrf": csrf, "residentName": "王奶奶", "title": "书", "details": "想要一套大字版的书"])
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains("value=\"王奶奶\"") && html.contains(">想要一套大字版的书</textarea>"))
            #expect(html.contains("id=\"wish-title-error\""))
            _ = app
        }
    }

    @Test func item14_figuresReadAsPercentagesWithCountsAndDurationsInHoursOrDays() {
        #expect(DurationText.text(minutes: 45, english: false) == "45 分钟")
        #expect(DurationText.text(minutes: 1279, english: false) == "21.3 小时")
        #expect(DurationText.text(minutes: 7_600, english: false) == "5.3 天")
        #expect(DurationText.text(minutes: 1279, english: true) == "21.3 h")
        #expect(FigureFormat(english: false).text(1279, unit: "minutes") == "21.3 小时")
        #expect(ShareText.count(3) == "3" && ShareText.count(6.6) == "6.6")
    }

    @Test func item14_theDashboardAndReportReadAsPeopleReadThem() async throws {
        let clock = TestClock(DashboardFixture.start)
        try await withLianxin(clock: clock, demo: true) { app, client in
            var fixture = try await DashboardFixture(app: app, clock: clock)
            try await fixture.run()
            try await client.login("leader")
            let page = try await client.send(.GET, "/dashboard?division=361102001&period=month&date=2026-09-15")
            let html = page.body.string
            let text = html.replacing(/<[^>]*>/, with: "").replacing(/\s+/, with: "")
            #expect(text.firstMatch(of: /\d+\.\d%（\d+(\.\d)?\/\d+）/) != nil, "a share with the counts it comes from")
            #expect(!html.contains("<text class=\"dash-axis"), "chart words are HTML, at least 12 px")
            #expect(html.contains("class=\"dash-axis-row\"") && html.contains("class=\"dash-hbars\""))
            #expect(html.contains("/dashboard/reports?kind=monthly&amp;date=2026-09-30&amp;division=361102001"))
            let back = try #require(
                "/dashboard?division=361102001&period=month&date=2026-09-15".addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            #expect(html.contains("/lang/en?back=\(back)"), "the language switch keeps the division and period")
            let css = try String(contentsOfFile: repositoryRoot + "/Public/css/dashboard.css", encoding: .utf8)
            #expect(!css.contains("11px") && css.contains(".dash-axis-row"))

            let report = try await client.send(.GET, "/dashboard/reports?kind=monthly&level=department&division=361102&date=2026-09-15")
            let body = report.body.string
            #expect(body.firstMatch(of: /[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-/) == nil, "no unit ids in the report")
            #expect(body.contains("XZ-CG") && body.contains("name=\"division\" value=\"361102\""))
        }
    }
}
