import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
import LianxinCore

/// Open311 GeoReport v2: both formats, the spec's shapes, api keys with rate limits, filing through
/// the normal intake, and errors as lists of {code, description}.
@Suite("Open311 GeoReport v2")
struct Open311Tests {
    /// Issues a key the way `lianxin open311 key-add` does.
    static func key(_ app: Application, perMinute: Int = 30) async throws -> String {
        let secret = FieldCipher.randomToken(bytes: 24)
        let key = Open311Key()
        key.name = "test app"
        key.keyHash = app.lianxin.cipher.tokenHash(secret)
        key.perMinute = perMinute
        key.active = true
        key.createdAt = app.lianxin.now()
        try await key.create(on: app.db)
        return secret
    }

    func form(_ fields: [String: String]) -> String {
        fields.map {
            "\($0.key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0.value)"
        }
        .joined(separator: "&")
    }

    func post(_ app: Application, _ path: String, _ fields: [String: String]) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(
            .POST, path, headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: form(fields)))
    }

    func jsonArray(_ response: TestingHTTPResponse) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
    }

    @Test func discoveryServicesAndDefinitionsComeInBothFormats() async throws {
        try await withLianxin(demo: true) { app, _ in
            let discovery = try await app.testing().sendRequest(.GET, "/open311/v2/discovery.json")
            let endpoints = try #require(
                (try JSONSerialization.jsonObject(with: Data(buffer: discovery.body)) as? [String: Any])?["endpoints"] as? [[String: Any]])
            #expect(endpoints.count == 1 && (endpoints[0]["formats"] as? [String]) == ["application/json", "text/xml"])
            let xml = try await app.testing().sendRequest(.GET, "/open311/v2/discovery.xml")
            #expect(xml.headers.contentType?.subType == "xml" && xml.body.string.contains("<formats><format>application/json</format>"))
            #expect(!xml.body.string.contains("xmlns"), "XML without namespaces")

            let services = try jsonArray(try await app.testing().sendRequest(.GET, "/open311/v2/services.json"))
            let lamp = try #require(services.first { $0["service_code"] as? String == "0601" })
            #expect(lamp["type"] as? String == "realtime" && lamp["group"] is String)
            let servicesXML = try await app.testing().sendRequest(.GET, "/open311/v2/services.xml")
            #expect(servicesXML.body.string.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?><services><service><service_code>"))

            for path in ["/open311/v2/services/0101.json", "/open311/v2/service/0101.json"] {
                let definition = try await app.testing().sendRequest(.GET, path)
                #expect(definition.status == .ok && definition.body.string.contains("\"attributes\":[]"), "\(path)")
            }
            #expect(lamp["metadata"] as? Bool == true, "a category with questions has metadata")
            let lampDefinition = try await app.testing().sendRequest(.GET, "/open311/v2/services/0601.json")
            let attributes = try #require(
                (try JSONSerialization.jsonObject(with: Data(buffer: lampDefinition.body)) as? [String: Any])?["attributes"] as? [[String: Any]])
            #expect(attributes.map { $0["code"] as? String } == ["pole_number", "lamp_state"])
            #expect(attributes[1]["datatype"] as? String == "singlevaluelist" && attributes[1]["required"] as? Bool == true)
            #expect((attributes[1]["values"] as? [[String: Any]])?.first?["key"] as? String == "off")
            let lampXML = try await app.testing().sendRequest(.GET, "/open311/v2/services/0601.xml")
            #expect(lampXML.body.string.contains("<values><value><key>off</key><name>整晚不亮</name></value>"))
            let missing = try await app.testing().sendRequest(.GET, "/open311/v2/services/9999.xml")
            #expect(missing.status == .notFound)
            #expect(missing.body.string.contains("<errors><error><code>404</code><description>"))
            let badFormat = try await app.testing().sendRequest(.GET, "/open311/v2/services.html")
            let badFormatErrors = try jsonArray(badFormat)
            #expect(badFormat.status == .notFound && badFormatErrors[0]["code"] as? Int == 404)
            #expect(try await app.testing().sendRequest(.GET, "/open311/v2/services.json?jurisdiction_id=elsewhere").status == .notFound)
            #expect(try await app.testing().sendRequest(.GET, "/open311/v2/services.json?jurisdiction_id=361102").status == .ok)
            #expect(
                try await app.testing().sendRequest(.GET, "/open311/v2/services.json?jurisdiction_id=&unknown=1").status == .ok,
                "empty and unknown optional parameters are ignored")
        }
    }

    @Test func requestsAreFiledThroughIntakeAndReadBackWithoutPersonalData() async throws {
        try await withLianxin(demo: true) { app, _ in
            let key = try await Self.key(app, perMinute: 5)
            let filed = try await post(
                app, "/open311/v2/requests.json",
                [
                    "api_key": key, "jurisdiction_id": "", "service_code": "0601", "lat": "28.4545", "long": "117.9433",
                    "attribute[lamp_state]": "off",
                    "description": "路灯不亮，回电13807930001", "first_name": "三", "last_name": "张", "phone": "13807930001",
                    "attribute[pole]": "A-17", "device_id": "",
                ])
            #expect(filed.status == .ok)
            let id = try #require(try jsonArray(filed).first?["service_request_id"] as? String)
            let order = try #require(try await WorkOrder.query(on: app.db).filter(\.$number == id).first())
            #expect(order.channel == "open311" && order.status == "submitted" && order.categoryCode == "0601")
            #expect(order.divisionCode.count == 12 && order.divisionCode.hasPrefix("361102"), "located through the grid index")
            #expect(order.requesterPhoneCipher != nil && order.description.contains("【pole】A-17") && order.description.contains("【路灯状况】整晚不亮"))
            #expect(try await WorkOrderEventRecord.query(on: app.db).filter(\.$orderID == order.requireID()).count() == 1)

            let unanswered = try await post(app, "/open311/v2/requests.json?api_key=\(key)", ["service_code": "0601", "address_string": "劳动路12号"])
            #expect(unanswered.status == .badRequest && unanswered.body.string.contains("attribute[lamp_state] is required"))
            let xmlFiled = try await post(app, "/open311/v2/requests.xml?api_key=\(key)", ["service_code": "0101", "address_string": "劳动路12号"])
            #expect(xmlFiled.body.string.contains("<service_requests><request><service_request_id>"))

            // Errors: missing key, bad key, missing service, missing location, rate limit.
            let noKey = try await post(app, "/open311/v2/requests.json", ["service_code": "0601", "lat": "28.45", "long": "117.94"])
            let noKeyErrors = try jsonArray(noKey)
            #expect(noKey.status == .forbidden && noKeyErrors[0]["code"] as? Int == 403)
            #expect(try await post(app, "/open311/v2/requests.json", ["api_key": "nope", "service_code": "0601"]).status == .forbidden)
            let noService = try await post(app, "/open311/v2/requests.xml", ["api_key": key, "lat": "28.45", "long": "117.94"])
            #expect(noService.status == .badRequest && noService.body.string.contains("<code>400</code>"))
            #expect(try await post(app, "/open311/v2/requests.json", ["api_key": key, "service_code": "0601"]).status == .badRequest)
            let limited = try await post(app, "/open311/v2/requests.json", ["api_key": key, "service_code": "0101", "address_string": "x"])
            #expect(limited.status == .tooManyRequests && limited.headers.first(name: "Retry-After") != nil)
            #expect(try await WorkOrder.query(on: app.db).count() == 2, "refused requests file nothing")

            let one = try await app.testing().sendRequest(.GET, "/open311/v2/requests/\(id).json?extensions=true")
            #expect(one.status == .ok)
            let request = try #require(try jsonArray(one).first)
            #expect(request["status"] as? String == "open" && request["service_code"] as? String == "0601")
            #expect((request["description"] as? String)?.contains("13807930001") == false, "digits are starred in public text")
            #expect((request["requested_datetime"] as? String)?.hasSuffix("+08:00") == true)
            for field in ["status_notes", "agency_responsible", "service_notice", "address_id", "zipcode", "expected_datetime", "media_url"] {
                #expect(request.keys.contains(field), "\(field) is present, null when unknown")
            }
            #expect(((request["extended_attributes"] as? [String: Any])?["notes"] as? [[String: Any]])?.count == 1)
            #expect(!one.body.string.contains("张三") && !one.body.string.contains("13807930001"))

            let list = try jsonArray(try await app.testing().sendRequest(.GET, "/open311/v2/requests.json?status=open&page_size=1&page=2"))
            #expect(list.count == 1)
            #expect(try jsonArray(try await app.testing().sendRequest(.GET, "/open311/v2/requests.json?status=closed")).isEmpty)
            #expect(try await app.testing().sendRequest(.GET, "/open311/v2/requests.json?start_date=yesterday").status == .badRequest)
            #expect(try await app.testing().sendRequest(.GET, "/open311/v2/requests/000.xml").status == .notFound)
            let token = try await app.testing().sendRequest(.GET, "/open311/v2/tokens/\(order.trackingCode).json")
            #expect((try jsonArray(token))[0]["service_request_id"] as? String == id)
        }
    }
}

@Suite("Staff intake placed by position")
struct IntakeByPositionTests {
    struct Body: Encodable {
        var title = "井盖缺失"
        var description = "书院路井盖缺失，有安全隐患"
        var categoryCode = "0602"
        var divisionCode: String?
        var latitude: Double?
        var longitude: Double?
    }

    @Test func aPositionInsideAGridGivesTheCommunityWhenNoCodeIsGiven() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = try await Staff.signIn(app)
            let headers: HTTPHeaders = ["X-CSRF-Token": try await staff.operatorClient.csrf()]
            let placed = try await staff.operatorClient.send(
                .POST, "/api/v1/work-orders", headers: headers,
                json: Body(latitude: 28.4545, longitude: 117.9433))
            #expect(placed.status == .created)
            let order = try placed.json(WorkOrderDTO.self)
            #expect(order.divisionCode.count == 12 && order.divisionCode.hasPrefix("361102"))
            let grid = try #require(order.gridCode)
            #expect(grid.hasPrefix(order.divisionCode) && order.gridVersion == 1, "the order keeps the grid and version it was filed in")
            let row = try #require(try await Grid.query(on: app.db).filter(\.$code == grid).first())
            #expect(row.communityCode == order.divisionCode)
            let outside = try await staff.operatorClient.send(
                .POST, "/api/v1/work-orders", headers: headers,
                json: Body(latitude: 39.9, longitude: 116.4))
            #expect(outside.status == .unprocessableEntity && outside.body.string.contains("/divisionCode"))
            let neither = try await staff.operatorClient.send(.POST, "/api/v1/work-orders", headers: headers, json: Body())
            #expect(neither.status == .unprocessableEntity && neither.body.string.contains("/divisionCode"))
            let bad = try await staff.operatorClient.send(.POST, "/api/v1/work-orders", headers: headers, json: Body(divisionCode: "12ab"))
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("区划代码无效"))
        }
    }
}
