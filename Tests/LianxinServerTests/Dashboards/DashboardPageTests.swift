import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
@testable import LianxinServer
import LianxinCore

@Suite("Dashboards: the 驾驶舱, scorecards, drill-down and report pages")
struct DashboardPageTests {
    @Test func theCockpitShowsTilesChartsMapAndRankingsWithEveryNumberLinked() async throws {
        let clock = TestClock(DashboardFixture.start)
        try await withLianxin(clock: clock, demo: true) { app, client in
            var fixture = try await DashboardFixture(app: app, clock: clock)
            try await fixture.run()
            try await client.login("leader")
            let page = try await client.send(.GET, "/dashboard?division=361102001&period=month&date=2026-09-15")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("/css/dashboard.css") && !html.contains("style=\""))
            #expect(html.contains("按期办结率") && html.contains("75.0%"))
            #expect(html.contains("<svg class=\"dash-chart\"") && html.contains("<polyline"))
            #expect(html.contains("<svg class=\"dash-map\"") && html.contains("<path class=\"dash-shade-"), "the demo grids are drawn")
            #expect(html.contains("/dashboard/orders?period=2026-09&amp;division=361102001&amp;measure=complete.met"))
            #expect(html.contains("上滩头社区"), "the ranking of communities")
            let drill = try await client.send(.GET, "/dashboard/orders?period=2026-09&division=361102001&measure=complete.met")
            #expect(drill.status == .ok)
            #expect(drill.body.string.contains("<strong id=\"drill-count\">3</strong>"))

            let unit = try #require(try await Department.query(on: app.db).filter(\.$code == "XZ-CG").first()?.id)
            let scorecard = try await client.send(.GET, "/dashboard/departments/\(unit)?period=2026-09")
            #expect(scorecard.status == .ok && scorecard.body.string.contains("信州区"))
            let grid = try #require(try await Grid.query(on: app.db).filter(\.$communityCode == "361102001001").filter(\.$validTo == nil).first())
            let gridCard = try await client.send(.GET, "/dashboard/grids/\(grid.code)?period=2026-09")
            #expect(gridCard.status == .ok && gridCard.body.string.contains(grid.name))

            let english = TestClient(app: app)
            english.cookies["lianxin_lang"] = "en"
            try await english.login("leader")
            let englishPage = try await english.send(.GET, "/dashboard?division=361102001001&period=2026-09")
            #expect(englishPage.status == .ok && englishPage.body.string.contains("On-time completion rate"))
        }
    }

    @Test func reportsPrintAndExportAsCSVWithABOM() async throws {
        let clock = TestClock(DashboardFixture.start)
        try await withLianxin(clock: clock, demo: true) { app, client in
            var fixture = try await DashboardFixture(app: app, clock: clock)
            try await fixture.run()
            try await client.login("leader")
            for kind in ["monthly", "quarterly", "yearly"] {
                for level in ["department", "township", "community", "grid"] {
                    let page = try await client.send(.GET, "/dashboard/reports?kind=\(kind)&level=\(level)&division=361102&date=2026-09-15")
                    #expect(page.status == .ok, "\(kind) \(level)")
                }
            }
            let page = try await client.send(.GET, "/dashboard/reports?kind=monthly&level=community&division=361102001&date=2026-09-15")
            #expect(page.body.string.contains("/js/dashboard-print.js") && page.body.string.contains("上滩头社区"))
            let csv = try await client.send(.GET, "/dashboard/reports.csv?kind=quarterly&level=community&division=361102001&date=2026-09-15")
            #expect(csv.status == .ok)
            #expect(Array(csv.body.readableBytesView).starts(with: [0xEF, 0xBB, 0xBF]))
            let first = try #require(csv.body.string.split(separator: "\r\n").dropFirst().first)
            #expect(first.hasPrefix("1,上滩头社区居民委员会,361102001001,6,0,94.10,"), "counted 6, exempted 0, then the score")
            #expect(try await auditActions(app).contains { $0.action == "export" && $0.target == "assessment-report" })
            #expect(try await client.send(.GET, "/dashboard/reports?kind=weekly").status == .unprocessableEntity)
        }
    }

    @Test func theDemoHistoryGivesTheDemoCityMeaningfulFigures() async throws {
        try await withLianxin(demo: true) { app, client in
            let lines = try await DashboardDemo.seed(app)
            #expect(lines.first?.contains("orders") == true)
            #expect(try await DashboardDemo.seed(app).first?.contains("already") == true, "it runs once")
            try await client.login("leader")
            let dashboard = try await client.send(.GET, "/api/v1/dashboard?period=year").json(DashboardDTO.self)
            #expect(dashboard.received > 100)
            for id in ["responseRate", "resolutionRate", "satisfactionRate", "onTimeRate", "closureRate"] {
                #expect(dashboard.indicators.first { $0.id == id }?.value != nil, "\(id)")
            }
            #expect(try await client.send(.GET, "/dashboard").status == .ok)
        }
    }
}
