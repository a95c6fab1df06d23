import Foundation
import Testing
@testable import LianxinCore

@Suite struct Open311WriterTests {
    static let services: Open311Value = .list(
        item: "service",
        [
            .object([
                ("service_code", .string("0601")), ("service_name", .string("路灯 & 照明")), ("description", .null),
                ("metadata", .bool(true)), ("type", .string("realtime")), ("keywords", .string("路灯")), ("group", .string("市政设施")),
            ])
        ])

    @Test func aOneItemListIsStillAnArrayInJSONAndItemsInXML() {
        let json = Open311Writer.render(Self.services, root: "services", as: .json)
        #expect(
            json
                == #"[{"service_code":"0601","service_name":"路灯 & 照明","description":null,"metadata":true,"type":"realtime","keywords":"路灯","group":"市政设施"}]"#
        )
        let xml = Open311Writer.render(Self.services, root: "services", as: .xml)
        #expect(
            xml
                == #"<?xml version="1.0" encoding="utf-8"?><services><service><service_code>0601</service_code><service_name>路灯 &amp; 照明</service_name><description/><metadata>true</metadata><type>realtime</type><keywords>路灯</keywords><group>市政设施</group></service></services>"#
        )
        let parsed = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(parsed?.count == 1)
    }

    @Test func textIsEscapedForBothFormats() {
        let value: Open311Value = .object([("description", .string("a<b>\"c\"\n\u{1}&'"))])
        #expect(Open311Writer.render(value, root: "x", as: .json) == #"{"description":"a\u003cb>\"c\"\n\u0001&'"}"#)
        #expect(Open311Writer.render(value, root: "x", as: .xml).hasSuffix("<x><description>a&lt;b&gt;&quot;c&quot;\n&amp;&apos;</description></x>"))
    }

    @Test func formatsComeFromTheFileExtension() {
        #expect(Open311Format.split("services.json")! == ("services", .json))
        #expect(Open311Format.split("0601.XML")! == ("0601", .xml))
        #expect(Open311Format.split("services") == nil && Open311Format.split("services.html") == nil)
    }

    @Test func datesCarryTheirOffset() {
        #expect(Open311Writer.dateTime(Date(timeIntervalSince1970: 1_790_000_000)) == "2026-09-21T22:13:20+08:00")
    }

    @Test func publicTextHidesLongDigitRuns() {
        #expect(
            PersonalDataMask.redactingNumbers(in: "电话13807930001，身份证36110219900307123X，门牌12号")
                == "电话138******01，身份证361*************3X，门牌12号")
    }

    @Test func theLimiterAllowsABurstThenRefillsAtItsRate() {
        var limiter = RateLimiter(perMinute: 60, burst: 3)
        let t = Date(timeIntervalSince1970: 0)
        #expect((0..<3).allSatisfy { _ in limiter.allow("k", at: t).allowed })
        let refused = limiter.allow("k", at: t)
        #expect(!refused.allowed && abs(refused.retryAfter - 1) < 1e-9)
        #expect(limiter.allow("other", at: t).allowed, "keys are separate")
        #expect(limiter.allow("k", at: t.addingTimeInterval(1)).allowed)
        #expect(!limiter.allow("k", at: t.addingTimeInterval(1)).allowed)
        _ = limiter.allow("k", at: t.addingTimeInterval(3600))
        #expect(limiter.trackedKeys == 1, "idle keys are forgotten")
    }
}
