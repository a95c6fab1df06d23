import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
import LianxinCore

/// Issue 16 item 1: Open311 reads publish only what residents made public, redacted, placed to about
/// 100 m, never the requester, and page by key rather than by offset.
@Suite("Open311 reads: publication, redaction, keyset paging")
struct Open311PrivacyTests {
    static let hotlineText = "来电人张三丰，电话 138 0000 1234，住幸福路18号3栋502室"

    /// A hotline order with the penetration test's description, at an exact position and door.
    static func hotlineOrder(_ app: Application, channel: String = "hotline", description: String = hotlineText) async throws -> WorkOrder {
        let input = NewWorkOrder(
            title: "噪音扰民", description: description, categoryCode: "0601", channel: channel, requestKind: RequestKind.complaint.rawValue,
            divisionCode: "361102001001", latitude: 28.454_512, longitude: 117.943_349, address: "幸福路18号3栋502室",
            requesterName: "张三丰", requesterPhone: "13800001234", anonymous: false)
        let service = WorkOrderService(application: app, database: app.db)
        return try await service.create(try await service.validate(input, scope: nil), by: .resident(), idempotencyKey: nil).0
    }

    static func json(_ response: TestingHTTPResponse) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
    }

    /// Every request the list gives, following its `Link` headers.
    static func everyListed(_ app: Application, _ query: String) async throws -> (numbers: [String], pages: Int) {
        var path = "/open311/v2/requests.json?\(query)"
        var numbers: [String] = []
        var pages = 0
        while true {
            let response = try await app.testing().sendRequest(.GET, path)
            #expect(response.status == .ok, "\(path): \(response.body.string)")
            numbers += try json(response).compactMap { $0["service_request_id"] as? String }
            pages += 1
            guard let link = response.headers.first(name: "Link"), pages < 500 else { break }
            #expect(link.hasSuffix("; rel=\"next\""))
            let url = String(link.dropFirst().prefix { $0 != ">" })
            path = String(url[try #require(url.range(of: "/open311/v2/"))!.lowerBound...])
        }
        return (numbers, pages)
    }

    @Test func item01_aHotlineOrderIsNeitherListedNorReadByDefault() async throws {
        try await withLianxin(demo: true) { app, _ in
            let order = try await Self.hotlineOrder(app)
            let list = try await app.testing().sendRequest(.GET, "/open311/v2/requests.json?page_size=200")
            #expect(list.status == .ok)
            let numbers = try Self.json(list).compactMap { $0["service_request_id"] as? String }
            #expect(!numbers.contains(order.number))
            for secret in ["张三丰", "0000 1234", "502室"] { #expect(!list.body.string.contains(secret), "\(secret)") }
            let hotlineOrders = try await WorkOrder.query(on: app.db).filter(\.$channel == "hotline").all().map(\.number)
            #expect(Set(numbers).isDisjoint(with: hotlineOrders), "no hotline order of the demo city is listed either")
            for format in ["json", "xml"] {
                #expect(try await app.testing().sendRequest(.GET, "/open311/v2/requests/\(order.number).\(format)").status == .notFound)
            }
            let byID = try await app.testing().sendRequest(.GET, "/open311/v2/requests.json?service_request_id=\(order.number)")
            #expect(try Self.json(byID).isEmpty, "asking for it by number does not list it")
        }
    }

    @Test func item01_aPublishedHotlineOrderComesBackRedactedAndCoarsened() async throws {
        try await withLianxin(demo: true) { app, _ in
            let order = try await Self.hotlineOrder(app)
            try await OrderPublication.record(true, for: order, by: "resident", at: app.lianxin.now(), on: app.db)
            let one = try await app.testing().sendRequest(.GET, "/open311/v2/requests/\(order.number).json?extensions=true")
            #expect(one.status == .ok)
            let request = try #require(try Self.json(one).first)
            #expect(request["description"] as? String == "来电人张**，电话 *** **** ****，住幸福路***")
            #expect(request["address"] as? String == "幸福路***")
            #expect(request["lat"] as? Double == 28.455 && request["long"] as? Double == 117.943)
            for secret in ["张三丰", "三丰", "0000 1234", "13800001234", "18号", "3栋", "502室", "28.4545", "117.9433"] {
                #expect(!one.body.string.contains(secret), "\(secret) is not published")
            }
            #expect(request.keys.allSatisfy { !$0.contains("requester") && !$0.contains("phone") && !$0.contains("name") || $0 == "service_name" })
            let xml = try await app.testing().sendRequest(.GET, "/open311/v2/requests/\(order.number).xml")
            #expect(xml.body.string.contains("<description>来电人张**，电话 *** **** ****，住幸福路***</description>"))
            let listed = try Self.json(try await app.testing().sendRequest(.GET, "/open311/v2/requests.json?page_size=200"))
            #expect(listed.contains { $0["service_request_id"] as? String == order.number })
        }
    }

    @Test func item01_residentsChooseOnTheReportPageAndTheDefaultIsPrivate() async throws {
        try await withLianxin(demo: true) { app, _ in
            let resident = TestClient(app: app)
            let page = try await resident.send(.GET, "/p/report")
            #expect(page.body.string.contains("name=\"publish\"") && page.body.string.contains("公开我的诉求"))
            let token = try #require(TestClient.csrfToken(in: page.body.string))
            var numbers: [Bool: String] = [:]
            for publish in [false, true] {
                var form = ["_csrf": token, "description": "市民李四反映书院路12号门前井盖缺失", "divisionCode": "361102001001"]
                if publish { form["publish"] = "true" }
                let sent = try await resident.send(.POST, "/p/report", form: form)
                #expect(sent.status == .seeOther)
                let code = String(try #require(sent.headers.first(name: .location)).dropFirst("/p/track/".count).prefix { $0 != "?" })
                numbers[publish] = try #require(try await WorkOrder.query(on: app.db).filter(\.$trackingCode == code).first()).number
            }
            let listed = try Self.json(try await app.testing().sendRequest(.GET, "/open311/v2/requests.json?page_size=200"))
            let published = try #require(listed.first { $0["service_request_id"] as? String == numbers[true] })
            #expect(published["description"] as? String == "市民李*反映书院路***门前井盖缺失")
            #expect(!listed.contains { $0["service_request_id"] as? String == numbers[false] }, "unticked: not published")
            #expect(try await app.testing().sendRequest(.GET, "/open311/v2/requests/\(numbers[false]!).json").status == .notFound)
        }
    }

    @Test func item01_theAllChannelsSettingListsHotlineOrdersRedactedButHonoursANo() async throws {
        try await withLianxin(demo: true, settings: SecurityLimitSettings.values) { app, _ in
            let listedOrder = try await Self.hotlineOrder(app)
            let refused = try await Self.hotlineOrder(app, description: "来电人王五，要求不公开")
            try await OrderPublication.record(false, for: refused, by: "resident", at: app.lianxin.now(), on: app.db)
            let list = try Self.json(try await app.testing().sendRequest(.GET, "/open311/v2/requests.json?page_size=200"))
            let shown = try #require(list.first { $0["service_request_id"] as? String == listedOrder.number })
            #expect(shown["description"] as? String == "来电人张**，电话 *** **** ****，住幸福路***")
            #expect(!list.contains { $0["service_request_id"] as? String == refused.number })
        }
    }

    @Test func item01_theListPagesByKeyNotByOffset() async throws {
        try await withLianxin(demo: true) { app, _ in
            var filed: [String] = []
            for index in 0..<7 {
                let order = try await Self.hotlineOrder(app, channel: "open311", description: "第\(index)处路灯不亮")
                filed.append(order.number)
            }
            let all = try await Self.everyListed(app, "page_size=200")
            let paged = try await Self.everyListed(app, "page_size=2")
            #expect(paged.numbers == all.numbers && Set(filed).isSubset(of: Set(paged.numbers)), "the same requests, each once")
            #expect(Set(paged.numbers).count == paged.numbers.count && paged.pages == (all.numbers.count + 1) / 2)
            // Deep offsets and oversized pages are refused; a forged cursor is a 400, not a 500.
            for query in [
                "page_size=2&page=501", "page_size=1000", "page=1&after=AAAA", "after=not-a-cursor",
                "page=2&after=" + PageRequest.cursor(["1", UUID().uuidString]),
            ] {
                let response = try await app.testing().sendRequest(.GET, "/open311/v2/requests.json?\(query)")
                #expect(response.status == .badRequest, "\(query)")
                #expect(try Self.json(response).first?["code"] as? Int == 400)
            }
            #expect(
                try await app.testing().sendRequest(.GET, "/open311/v2/requests.json?page_size=2&page=500").status == .ok,
                "1,000 rows deep is allowed")
        }
    }
}

/// One set of tight limits for the tests that need them (one demo template serves them all).
enum SecurityLimitSettings {
    static let values = [
        "LIANXIN_OPEN311_ALL_CHANNELS": "true", "LIANXIN_PUBLIC_UPLOADS_PER_HOUR": "3", "LIANXIN_PUBLIC_PHOTOS_PER_ORDER": "2",
        "LIANXIN_IMPORT_CSV_MB": "1", "LIANXIN_IMPORT_CSV_ROWS": "3", "LIANXIN_IMPORT_GEOJSON_VERTICES": "1000",
    ]
}
