import Foundation
import Testing
import VaporTesting
import Fluent
import LianxinCore
@testable import LianxinServer

@Suite("Health, metrics, pages and the demo city")
struct OperationsTests {
    @Test func healthReadinessAndMetricsAnswer() async throws {
        let scraper: HTTPHeaders = ["Authorization": "Bearer metrics-scraper-token-0123456789"]
        try await withLianxin(settings: ["LIANXIN_METRICS_TOKEN": "metrics-scraper-token-0123456789"]) { app, client in
            #expect(try await client.send(.GET, "/healthz").status == .ok)
            let ready = try await client.send(.GET, "/readyz")
            #expect(ready.status == .ok)
            #expect(ready.body.string.contains("\(MigrationHistory.all.count) migrations"))
            let metrics = try await client.send(.GET, "/metrics", headers: scraper).body.string
            #expect(metrics.contains("lianxin_http_requests_total{route=\"/readyz\",method=\"GET\",status=\"200\"} 1"))
            #expect(metrics.contains("lianxin_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"+Inf\"} 1"))
            #expect(try await client.send(.GET, "/healthz").headers.first(name: "X-Request-Id") != nil)
        }
    }

    @Test func theDemoCityIsSeededOnceNoMatterHowOftenItRuns() async throws {
        try await withLianxin(demo: true) { app, _ in
            let counts = (try await count("divisions", app), try await count("departments", app), try await count("users", app))
            let grids = try await count("grids", app)
            #expect(grids >= 400, "about four generated grids per community of 信州区")
            #expect(try await Grid.query(on: app.db).filter(\.$generated == false).count() == 0, "demo grids say they are generated")
            let lines = try await DemoSeeder(application: app).run()
            #expect(lines.first?.contains("0 added") == true)
            #expect(counts == (try await count("divisions", app), try await count("departments", app), try await count("users", app)))
            #expect(grids == (try await count("grids", app)))
            #expect(counts.2 == DemoSeeder.accounts.count)
            #expect(
                Set(DemoSeeder.accounts.map(\.role)) == Set(Role.allCases), "one account per role (two enterprise contacts for the talent platform)")
            #expect(try await Division.find("361102001001", on: app.db)?.name == "上滩头社区居民委员会")
        }
    }

    @Test func everyPageIsChineseByDefaultSwitchesToEnglishAndLoadsNothingFromOutside() async throws {
        try await withLianxin(demo: true) { app, client in
            let login = try await client.send(.GET, "/login")
            #expect(login.body.string.contains("<html lang=\"zh-CN\">"))
            #expect(login.body.string.contains("登录"))
            #expect(login.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
            try await client.login("auditor")
            for path in ["/", "/divisions", "/divisions/361102", "/audit", "/account"] {
                let html = try await client.send(.GET, path).body.string
                #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("url(http"), "\(path) loads from outside")
                #expect(!html.contains("<script>"), "\(path) has inline script")
            }
            let switched = try await client.send(.GET, "/lang/en?back=/divisions")
            #expect(switched.headers.first(name: .location) == "/divisions")
            let english = try await client.send(.GET, "/divisions").body.string
            #expect(english.contains("<html lang=\"en\">"))
            #expect(english.contains("Divisions"))
            #expect(try await client.send(.GET, "/lang/xx").status == .notFound)
        }
    }

    @Test func theEnglishTextsCoverEveryChineseKey() throws {
        let localizer = try Localizer(directory: repositoryRoot + "/Resources/Locales")
        #expect(localizer.missingKeys(in: .en).isEmpty)
    }

    @Test func theSecurityAdminCanBrowseTheAccountsPage() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("secadmin")
            let page = try await client.send(.GET, "/admin/users")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("gridmember"))
            #expect(try await client.send(.GET, "/admin/users/new").body.string.contains("name=\"divisionCode\""))
        }
    }
}
