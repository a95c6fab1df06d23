import Foundation
import LianxinCore
import Vapor

/// The channels this instance can use, built from the settings: the configured SMS provider (or none),
/// the group robots that have an address, and the inbox and webhooks, always.
struct NotificationChannels: Sendable {
    let sms: (any NotificationChannelAdapter)?
    let wecom: (any NotificationChannelAdapter)?
    let dingtalk: (any NotificationChannelAdapter)?

    init(_ settings: NotificationSettings, http: any NotificationHTTP, now: @escaping @Sendable () -> Date) {
        switch settings.smsProvider {
        case .none: sms = nil
        case .aliyun:
            sms = AliyunSMSChannel(
                endpoint: settings.aliyunEndpoint, accessKeyID: settings.aliyunAccessKeyID, accessKeySecret: settings.aliyunAccessKeySecret,
                signName: settings.signName, templateCodes: settings.templateCodes, http: http, now: now)
        case .tencent:
            sms = TencentSMSChannel(
                endpoint: settings.tencentEndpoint, secretID: settings.tencentSecretID, secretKey: settings.tencentSecretKey,
                sdkAppID: settings.tencentSDKAppID, region: settings.tencentRegion, signName: settings.signName,
                templateCodes: settings.templateCodes, http: http, now: now)
        case .gateway:
            sms =
                settings.gatewayURL.isEmpty ? nil : GatewaySMSChannel(url: settings.gatewayURL, secret: settings.gatewaySecret, http: http, now: now)
        }
        wecom = settings.wecomRobotURL.value.isEmpty ? nil : WeComRobotChannel(url: settings.wecomRobotURL, http: http)
        dingtalk =
            settings.dingtalkRobotURL.value.isEmpty
            ? nil : DingTalkRobotChannel(url: settings.dingtalkRobotURL, secret: settings.dingtalkSecret, http: http, now: now)
    }

    /// The live channels of `app`.
    static func live(_ app: Application) -> NotificationChannels {
        NotificationChannels(app.lianxin.settings.notifications, http: LiveNotificationHTTP(app), now: app.lianxin.now)
    }
}

/// HTTP through the webhooks' client: the address is checked (`WebhookTarget`) before each call, no
/// redirect is followed, and a silent peer is given up after 10 s.
struct LiveNotificationHTTP: NotificationHTTP {
    let client: HTTPClient
    let target: WebhookTarget

    init(_ app: Application) {
        client = WebhookHTTPClient.client(of: app)
        target = WebhookTarget(app)
    }

    func send(_ method: HTTPMethod, url: String, headers: [(String, String)], body: Data?) async throws -> (status: UInt, body: Data) {
        if await target.refusal(url) != nil { throw ChannelFailure("the address is refused", permanent: true) }
        let request = try HTTPClient.Request(url: url, method: method, headers: HTTPHeaders(headers), body: body.map { .data($0) })
        let response = try await client.execute(request: request).get()
        return (UInt(response.status.code), response.body.map { Data(buffer: $0) } ?? Data())
    }
}
