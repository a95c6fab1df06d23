import Crypto
import Foundation
import Testing
import Vapor
@testable import LianxinCore
@testable import LianxinServer

/// Each channel against a local stub that checks the request as the provider documents it, with the
/// provider's side of each signature computed here independently; the signature functions themselves
/// reproduce the providers' published example values. No test reaches the internet.
@Suite("Notification channels against local provider stubs (#20)")
struct ChannelAdapterTests {
    static let message = OutboundMessage(
        id: UUID(uuidString: "6F1C2D3E-4A5B-4C6D-8E9F-0A1B2C3D4E5F")!, event: .slaWarning, text: "工单N1 路灯的签收即将超时",
        parameters: ["number": "N1", "title": "路灯", "stage": "签收"], phone: "13807930001")
    static let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_765_000_000) }

    // MARK: the providers' published example values

    @Test func aliyunSignatureReproducesTheSMSDocumentationExample() {
        let parameters = [
            "AccessKeyId": "testId", "Action": "SendSms", "Format": "XML", "OutId": "123", "PhoneNumbers": "15300000001",
            "RegionId": "cn-hangzhou", "SignName": "阿里云短信测试专用", "SignatureMethod": "HMAC-SHA1",
            "SignatureNonce": "45e25e9b-0a6f-4070-8c85-2956eda1b466", "SignatureVersion": "1.0", "TemplateCode": "SMS_71390007",
            "TemplateParam": #"{"customer":"test"}"#, "Timestamp": "2017-07-12T02:42:19Z", "Version": "2017-05-25",
        ]
        #expect(ChannelSigning.aliyun(secret: "testSecret", method: "GET", parameters: parameters) == "zJDF+Lrzhj/ThnlvIToysFRq6t4=")
        // The RPC signature documentation's DescribeRegions example.
        let regions = [
            "Format": "XML", "AccessKeyId": "testid", "Action": "DescribeRegions", "SignatureMethod": "HMAC-SHA1",
            "SignatureNonce": "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", "SignatureVersion": "1.0", "Version": "2014-05-26",
            "Timestamp": "2016-02-23T12:46:24Z",
        ]
        #expect(ChannelSigning.aliyun(secret: "testsecret", method: "GET", parameters: regions) == "OLeaidS1JvxuMvnyHOwuJ+uX5qY=")
    }

    @Test func tencentTC3SignatureReproducesTheWorkedExample() {
        let payload = Data(#"{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}"#.utf8)
        #expect(ChannelSigning.sha256Hex(payload) == "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064")
        #expect(
            ChannelSigning.tc3(
                secretKey: "Gu5t9xGARNpq86cd98joQYCN3*******", service: "cvm", host: "cvm.tencentcloudapi.com",
                contentType: "application/json; charset=utf-8", payload: payload, timestamp: 1_551_113_065)
                == "2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c")
    }

    // MARK: the provider's side, written independently of the adapters

    static func providerAliyunSignature(_ parameters: [String: String], secret: String) -> String {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: unreserved)! }
        let canonical = parameters.filter { $0.key != "Signature" }.sorted { $0.key < $1.key }.map { encode($0.key) + "=" + encode($0.value) }
            .joined(separator: "&")
        let mac = HMAC<Insecure.SHA1>.authenticationCode(
            for: Data(("GET&%2F&" + encode(canonical)).utf8), using: SymmetricKey(data: Data((secret + "&").utf8)))
        return Data(mac).base64EncodedString()
    }

    static func hmac(_ key: Data, _ text: String) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: key)))
    }

    static func hex(_ data: some Sequence<UInt8>) -> String { data.map { String(format: "%02x", $0) }.joined() }

    static func providerTC3Signature(_ request: StubProvider.Recorded, secretKey: String) -> String {
        let timestamp = request.headers["x-tc-timestamp"] ?? ""
        let date = TC3Signing.date(Int(timestamp) ?? 0)
        let canonical =
            "POST\n/\n\ncontent-type:\(request.headers["content-type"] ?? "")\nhost:\(request.headers["host"] ?? "")\n\ncontent-type;host\n"
            + hex(SHA256.hash(data: request.body))
        let toSign = "TC3-HMAC-SHA256\n\(timestamp)\n\(date)/sms/tc3_request\n" + hex(SHA256.hash(data: Data(canonical.utf8)))
        let signing = hmac(hmac(hmac(Data(("TC3" + secretKey).utf8), date), "sms"), "tc3_request")
        return hex(hmac(signing, toSign))
    }

    // MARK: the adapters against the stubs

    @Test func aliyunSendSmsIsASignedRPCCallWithTheDocumentedParameters() async throws {
        let stub = try await StubProvider.start(answer: #"{"Code":"OK","Message":"OK","BizId":"900619746936498440^0","RequestId":"F655A8D5"}"#)
        try await withLianxin { app, _ in
            let channel = AliyunSMSChannel(
                endpoint: stub.url + "/", accessKeyID: "LTAI-test-id", accessKeySecret: SettingSecret("aliyun-secret-0001"), signName: "信州区12345",
                templateCodes: [.slaWarning: "SMS_100001"], http: LiveNotificationHTTP(app), now: Self.clock)
            let reference = try await channel.deliver(Self.message)
            #expect(reference == "900619746936498440^0")
            stub.script([(200, #"{"Code":"isv.MOBILE_NUMBER_ILLEGAL","Message":"非法手机号"}"#)])
            await #expect(throws: ChannelFailure.self) { try await channel.deliver(Self.message) }
        }
        let request = try #require(stub.requests.first)
        let parameters = request.parameters
        #expect(request.method == "GET" && request.path == "/")
        #expect(parameters["Action"] == "SendSms" && parameters["Version"] == "2017-05-25" && parameters["RegionId"] == "cn-hangzhou")
        #expect(parameters["SignatureMethod"] == "HMAC-SHA1" && parameters["SignatureVersion"] == "1.0" && parameters["Format"] == "JSON")
        #expect(parameters["AccessKeyId"] == "LTAI-test-id" && parameters["PhoneNumbers"] == "13807930001")
        #expect(parameters["SignName"] == "信州区12345" && parameters["TemplateCode"] == "SMS_100001")
        #expect(parameters["TemplateParam"] == #"{"number":"N1","stage":"签收","title":"路灯"}"#)
        #expect(parameters["OutId"] == Self.message.id.uuidString.lowercased(), "the message id travels as OutId")
        #expect(parameters["Timestamp"] == "2025-12-06T05:46:40Z")
        #expect(parameters["SignatureNonce"]?.isEmpty == false)
        #expect(parameters["Signature"] == Self.providerAliyunSignature(parameters, secret: "aliyun-secret-0001"))
        #expect(stub.requests.count == 2)
        try await stub.stop()
    }

    @Test func tencentSendSmsIsATC3SignedJSONPost() async throws {
        let stub = try await StubProvider.start(
            answer:
                #"{"Response":{"SendStatusSet":[{"SerialNo":"5000:1045710669157053657849499619","PhoneNumber":"+8613807930001","Fee":1,"SessionContext":"","Code":"Ok","Message":"send success","IsoCode":"CN"}],"RequestId":"a0aabda6"}}"#
        )
        try await withLianxin { app, _ in
            let channel = TencentSMSChannel(
                endpoint: stub.url + "/", secretID: "AKID-test", secretKey: SettingSecret("tencent-secret-0001"), sdkAppID: "1400006666",
                region: "ap-guangzhou", signName: "信州区12345", templateCodes: [.slaWarning: "449739"], http: LiveNotificationHTTP(app),
                now: Self.clock)
            let reference = try await channel.deliver(Self.message)
            #expect(reference == "5000:1045710669157053657849499619")
            stub.script([(200, #"{"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":"bad"},"RequestId":"x"}}"#)])
            await #expect(throws: ChannelFailure.self) { try await channel.deliver(Self.message) }
        }
        let request = try #require(stub.requests.first)
        #expect(request.method == "POST" && request.path == "/")
        #expect(request.headers["x-tc-action"] == "SendSms" && request.headers["x-tc-version"] == "2021-01-11")
        #expect(request.headers["x-tc-region"] == "ap-guangzhou" && request.headers["x-tc-timestamp"] == "1765000000")
        #expect(request.headers["content-type"] == "application/json; charset=utf-8")
        #expect(request.headers["host"] == "127.0.0.1:\(stub.port)")
        let body = request.json
        #expect(body["PhoneNumberSet"] as? [String] == ["+8613807930001"])
        #expect(body["SmsSdkAppId"] as? String == "1400006666" && body["TemplateId"] as? String == "449739")
        #expect(body["SignName"] as? String == "信州区12345")
        #expect(body["TemplateParamSet"] as? [String] == ["N1", "路灯", "签收"], "positional, in the template's order")
        #expect(body["SessionContext"] as? String == Self.message.id.uuidString.lowercased())
        let expected = Self.providerTC3Signature(request, secretKey: "tencent-secret-0001")
        #expect(
            request.headers["authorization"]
                == "TC3-HMAC-SHA256 Credential=AKID-test/2025-12-06/sms/tc3_request, SignedHeaders=content-type;host, Signature=\(expected)")
        try await stub.stop()
    }

    @Test func theGatewayGetsASignedJSONPostWithTheMessageIdAsIdempotencyKey() async throws {
        let stub = try await StubProvider.start(answer: #"{"reference":"gw-1"}"#)
        try await withLianxin { app, _ in
            let channel = GatewaySMSChannel(
                url: stub.url + "/sms", secret: SettingSecret("gateway-secret-0001"), http: LiveNotificationHTTP(app), now: Self.clock)
            let reference = try await channel.deliver(Self.message)
            #expect(reference == "gw-1")
            stub.script([(503, "{}")])
            let failure = await #expect(throws: ChannelFailure.self) { try await channel.deliver(Self.message) }
            #expect(failure?.permanent == false, "a 503 is retried")
        }
        let request = try #require(stub.requests.first)
        #expect(request.path == "/sms" && request.headers["x-lianxin-message-id"] == Self.message.id.uuidString.lowercased())
        let timestamp = try #require(request.headers["x-lianxin-timestamp"])
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data((timestamp + ".").utf8) + request.body, using: SymmetricKey(data: Data("gateway-secret-0001".utf8)))
        #expect(request.headers["x-lianxin-signature"] == "sha256=" + Self.hex(mac))
        #expect(request.json["phone"] as? String == "13807930001" && request.json["text"] as? String == Self.message.text)
        try await stub.stop()
    }

    @Test func theWeComRobotGetsAMarkdownMessageAtItsKey() async throws {
        let stub = try await StubProvider.start(answer: #"{"errcode":0,"errmsg":"ok"}"#)
        try await withLianxin { app, _ in
            let channel = WeComRobotChannel(url: SettingSecret(stub.url + "/cgi-bin/webhook/send?key=693a91f6-7xxx"), http: LiveNotificationHTTP(app))
            _ = try await channel.deliver(Self.message)
            stub.script([(200, #"{"errcode":93000,"errmsg":"invalid webhook url"}"#)])
            await #expect(throws: ChannelFailure.self) { try await channel.deliver(Self.message) }
        }
        let request = try #require(stub.requests.first)
        #expect(request.method == "POST" && request.path == "/cgi-bin/webhook/send" && request.parameters["key"] == "693a91f6-7xxx")
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.json["msgtype"] as? String == "markdown")
        #expect((request.json["markdown"] as? [String: Any])?["content"] as? String == Self.message.text)
        try await stub.stop()
    }

    @Test func theDingTalkRobotIsSignedWithTimestampAndSecret() async throws {
        let stub = try await StubProvider.start(answer: #"{"errcode":0,"errmsg":"ok"}"#)
        try await withLianxin { app, _ in
            let channel = DingTalkRobotChannel(
                url: SettingSecret(stub.url + "/robot/send?access_token=abc123"), secret: SettingSecret("SEC-dingtalk-secret"),
                http: LiveNotificationHTTP(app), now: Self.clock)
            _ = try await channel.deliver(Self.message)
        }
        let request = try #require(stub.requests.first)
        let parameters = request.parameters
        #expect(request.path == "/robot/send" && parameters["access_token"] == "abc123")
        #expect(parameters["timestamp"] == "1765000000000", "milliseconds")
        let expected = Self.hmac(Data("SEC-dingtalk-secret".utf8), "1765000000000\nSEC-dingtalk-secret").base64EncodedString()
        #expect(parameters["sign"] == expected, "Base64 HMAC-SHA256 of timestamp\\nsecret, URL-decoded by the stub")
        #expect(!request.query.contains("+") && !request.query.contains("/"), "the sign is URL-encoded in the address")
        #expect(request.json["msgtype"] as? String == "text")
        #expect((request.json["text"] as? [String: Any])?["content"] as? String == Self.message.text)
        try await stub.stop()
    }

    @Test func secretsAndPhonesAreNeverPrinted() {
        var settings = NotificationSettings()
        settings.aliyunAccessKeySecret = SettingSecret("do-not-print-me")
        settings.dingtalkSecret = SettingSecret("SEC-do-not-print")
        #expect(!String(describing: settings).contains("do-not-print"))
        #expect(!String(reflecting: settings).contains("do-not-print"))
        #expect(!ChannelFailure("isv.MOBILE_NUMBER_ILLEGAL 号码13807930001无效").reason.contains("13807930001"), "a phone echoed by a provider is masked")
    }
}
