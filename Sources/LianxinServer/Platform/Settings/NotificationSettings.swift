import Foundation
import LianxinCore

/// A credential read from the environment: never printed, never logged (its description is a mask).
public struct SettingSecret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public let value: String
    public init(_ value: String) { self.value = value }
    public var description: String { "••••" }
    public var debugDescription: String { "••••" }
}

/// Settings of the notification outbox (#20): the SMS provider and its credentials, the signature name
/// and template codes, the group robots, quiet hours, rate limits and the revisit's days.
public struct NotificationSettings: Sendable, Equatable {
    public enum SMSProvider: String, Sendable { case none, aliyun, tencent, gateway }

    public var smsProvider = SMSProvider.none
    /// The SMS signature (短信签名) the provider approved, e.g. 某某县12345.
    public var signName = ""
    /// The provider's template code (Alibaba `SMS_…`, Tencent's numeric id) per event.
    public var templateCodes: [NotificationEvent: String] = [:]
    public var aliyunEndpoint = "https://dysmsapi.aliyuncs.com/"
    public var aliyunAccessKeyID = ""
    public var aliyunAccessKeySecret = SettingSecret("")
    public var tencentEndpoint = "https://sms.tencentcloudapi.com/"
    public var tencentSecretID = ""
    public var tencentSecretKey = SettingSecret("")
    public var tencentSDKAppID = ""
    public var tencentRegion = "ap-guangzhou"
    public var gatewayURL = ""
    public var gatewaySecret = SettingSecret("")
    /// The 企业微信 group robot's webhook address (with its `key`).
    public var wecomRobotURL = SettingSecret("")
    /// The 钉钉 robot's webhook address (with its `access_token`) and its signing secret (`SEC…`).
    public var dingtalkRobotURL = SettingSecret("")
    public var dingtalkSecret = SettingSecret("")
    public var policy = DeliveryPolicy()
    /// How long a delivering instance holds the messages it claimed; a killed instance's messages wait this long.
    public var leaseSeconds = 60
    public var revisit = RevisitSchedule()

    public init() {}

    public static let documented: [LianxinSettings.Documented] = [
        .init(
            variable: "LIANXIN_SMS_PROVIDER", defaultValue: "none",
            meaning: "`aliyun`, `tencent`, `gateway` (a province's own SMS platform) or `none`"),
        .init(variable: "LIANXIN_SMS_SIGN_NAME", defaultValue: "(none)", meaning: "the SMS signature (短信签名) approved by the provider"),
        .init(
            variable: "LIANXIN_SMS_TEMPLATES", defaultValue: "(none)",
            meaning:
                "provider template codes per event, `signReminder:SMS_1,slaWarning:SMS_2,slaBreach:…,supervised:…,revisitInvitation:…,revisitReminder:…,completedNotice:…`"
        ),
        .init(variable: "LIANXIN_SMS_ALIYUN_ACCESS_KEY_ID", defaultValue: "(none)", meaning: "Alibaba Cloud AccessKey id (SendSms)"),
        .init(
            variable: "LIANXIN_SMS_ALIYUN_ACCESS_KEY_SECRET", defaultValue: "(none)", meaning: "Alibaba Cloud AccessKey secret; never shown or logged"
        ),
        .init(variable: "LIANXIN_SMS_ALIYUN_ENDPOINT", defaultValue: "https://dysmsapi.aliyuncs.com/", meaning: "Alibaba Cloud SMS endpoint"),
        .init(variable: "LIANXIN_SMS_TENCENT_SECRET_ID", defaultValue: "(none)", meaning: "Tencent Cloud SecretId (SendSms, TC3-HMAC-SHA256)"),
        .init(variable: "LIANXIN_SMS_TENCENT_SECRET_KEY", defaultValue: "(none)", meaning: "Tencent Cloud SecretKey; never shown or logged"),
        .init(variable: "LIANXIN_SMS_TENCENT_SDK_APP_ID", defaultValue: "(none)", meaning: "Tencent Cloud SMS SdkAppId"),
        .init(variable: "LIANXIN_SMS_TENCENT_REGION", defaultValue: "ap-guangzhou", meaning: "Tencent Cloud region"),
        .init(variable: "LIANXIN_SMS_TENCENT_ENDPOINT", defaultValue: "https://sms.tencentcloudapi.com/", meaning: "Tencent Cloud SMS endpoint"),
        .init(
            variable: "LIANXIN_SMS_GATEWAY_URL", defaultValue: "(none)",
            meaning: "a generic SMS gateway: JSON POSTs signed like webhooks (`X-Lianxin-Signature`), `X-Lianxin-Message-Id` as idempotency key"),
        .init(variable: "LIANXIN_SMS_GATEWAY_SECRET", defaultValue: "(none)", meaning: "the gateway's HMAC secret; never shown or logged"),
        .init(
            variable: "LIANXIN_WECOM_ROBOT_URL", defaultValue: "(none)", meaning: "企业微信 group robot webhook address (`…/cgi-bin/webhook/send?key=…`)"),
        .init(variable: "LIANXIN_DINGTALK_ROBOT_URL", defaultValue: "(none)", meaning: "钉钉 robot webhook address (`…/robot/send?access_token=…`)"),
        .init(variable: "LIANXIN_DINGTALK_ROBOT_SECRET", defaultValue: "(none)", meaning: "钉钉 robot signing secret (`SEC…`)"),
        .init(variable: "LIANXIN_NOTIFY_QUIET_HOURS", defaultValue: "22-7", meaning: "no SMS between these hours, Beijing time (`0-0`: none)"),
        .init(variable: "LIANXIN_NOTIFY_PER_HOUR", defaultValue: "5", meaning: "messages to one recipient per hour at most (0: no limit)"),
        .init(
            variable: "LIANXIN_NOTIFY_LEASE_SECONDS", defaultValue: "60",
            meaning: "seconds an instance holds the messages it claimed (30–3600); a message is sent only with 20 s of its lease left"),
        .init(variable: "LIANXIN_REVISIT_REMINDER_DAYS", defaultValue: "2", meaning: "days after the revisit invitation before one reminder SMS"),
        .init(
            variable: "LIANXIN_REVISIT_QUEUE_DAYS", defaultValue: "5",
            meaning: "days after the invitation before an unanswered revisit goes to the operators' revisit queue"),
    ]

    /// Reads the settings through `value` (the environment, trimmed, nil when empty).
    static func load(_ value: (String) -> String?) throws -> NotificationSettings {
        var settings = NotificationSettings()
        func invalid(_ name: String, _ text: String, _ reason: String) -> LianxinSettings.Problem {
            .invalid(variable: name, value: text, reason: reason)
        }
        func int(_ name: String, _ range: ClosedRange<Int>, _ fallback: Int) throws -> Int {
            guard let text = value(name) else { return fallback }
            guard let number = Int(text), range.contains(number) else { throw invalid(name, text, "expected a whole number in \(range)") }
            return number
        }
        if let text = value("LIANXIN_SMS_PROVIDER") {
            guard let provider = SMSProvider(rawValue: text) else {
                throw invalid("LIANXIN_SMS_PROVIDER", text, "expected aliyun, tencent, gateway or none")
            }
            settings.smsProvider = provider
        }
        settings.signName = value("LIANXIN_SMS_SIGN_NAME") ?? ""
        for entry in (value("LIANXIN_SMS_TEMPLATES") ?? "").split(separator: ",") {
            let parts = entry.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let event = NotificationEvent(rawValue: parts[0]), !parts[1].isEmpty else {
                throw invalid(
                    "LIANXIN_SMS_TEMPLATES", String(entry), "expected event:code with an event of \(NotificationEvent.allCases.map(\.rawValue))")
            }
            settings.templateCodes[event] = parts[1]
        }
        settings.aliyunEndpoint = value("LIANXIN_SMS_ALIYUN_ENDPOINT") ?? settings.aliyunEndpoint
        settings.aliyunAccessKeyID = value("LIANXIN_SMS_ALIYUN_ACCESS_KEY_ID") ?? ""
        settings.aliyunAccessKeySecret = SettingSecret(value("LIANXIN_SMS_ALIYUN_ACCESS_KEY_SECRET") ?? "")
        settings.tencentEndpoint = value("LIANXIN_SMS_TENCENT_ENDPOINT") ?? settings.tencentEndpoint
        settings.tencentSecretID = value("LIANXIN_SMS_TENCENT_SECRET_ID") ?? ""
        settings.tencentSecretKey = SettingSecret(value("LIANXIN_SMS_TENCENT_SECRET_KEY") ?? "")
        settings.tencentSDKAppID = value("LIANXIN_SMS_TENCENT_SDK_APP_ID") ?? ""
        settings.tencentRegion = value("LIANXIN_SMS_TENCENT_REGION") ?? settings.tencentRegion
        settings.gatewayURL = value("LIANXIN_SMS_GATEWAY_URL") ?? ""
        settings.gatewaySecret = SettingSecret(value("LIANXIN_SMS_GATEWAY_SECRET") ?? "")
        settings.wecomRobotURL = SettingSecret(value("LIANXIN_WECOM_ROBOT_URL") ?? "")
        settings.dingtalkRobotURL = SettingSecret(value("LIANXIN_DINGTALK_ROBOT_URL") ?? "")
        settings.dingtalkSecret = SettingSecret(value("LIANXIN_DINGTALK_ROBOT_SECRET") ?? "")
        if let text = value("LIANXIN_NOTIFY_QUIET_HOURS") {
            let hours = text.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard hours.count == 2, hours.allSatisfy({ (0...23).contains($0) }) else {
                throw invalid("LIANXIN_NOTIFY_QUIET_HOURS", text, "expected START-END hours such as 22-7")
            }
            settings.policy.quietStart = hours[0]
            settings.policy.quietEnd = hours[1]
        }
        settings.policy.perHour = try int("LIANXIN_NOTIFY_PER_HOUR", 0...1000, settings.policy.perHour)
        settings.leaseSeconds = try int("LIANXIN_NOTIFY_LEASE_SECONDS", 30...3600, settings.leaseSeconds)
        let reminder = try int("LIANXIN_REVISIT_REMINDER_DAYS", 1...60, 2)
        let queue = try int("LIANXIN_REVISIT_QUEUE_DAYS", 1...90, 5)
        guard queue > reminder else { throw invalid("LIANXIN_REVISIT_QUEUE_DAYS", String(queue), "must be more than LIANXIN_REVISIT_REMINDER_DAYS") }
        settings.revisit = RevisitSchedule(reminderDays: reminder, queueDays: queue, linkDays: queue + 2)
        return settings
    }
}
