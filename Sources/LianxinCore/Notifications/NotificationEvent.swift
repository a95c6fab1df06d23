import Foundation

/// What a notification is about (the templates 签收提醒, 即将超时, 已超时, 督办, 回访邀请, 回访提醒, 办结告知).
public enum NotificationEvent: String, Sendable, CaseIterable, Codable {
    case signReminder, slaWarning, slaBreach, supervised, revisitInvitation, revisitReminder, completedNotice

    /// The parameters its template may use, in the order an SMS provider's positional template receives them.
    public var parameters: [String] {
        switch self {
        case .signReminder, .supervised, .completedNotice: ["number", "title"]
        case .slaWarning, .slaBreach: ["number", "title", "stage"]
        case .revisitInvitation, .revisitReminder: ["number", "link"]
        }
    }
}

/// How a message reaches its recipient: the in-app inbox, the signed webhooks, an SMS (through the
/// configured provider) or a group robot (企业微信 or 钉钉).
public enum NotificationChannel: String, Sendable, CaseIterable, Codable {
    case inbox, webhook, sms, wecomRobot, dingtalkRobot
}

/// Who receives a message of an event: the handling unit's liaisons (联络人), the requester, or the
/// staff of a role in the order's division (for the inbox), or the unit's group (robots, webhooks).
public enum NotificationAudience: String, Sendable, CaseIterable, Codable {
    case unit, requester, dispatchers, supervisors, operators

    /// Whether people of this audience have phones an SMS can reach.
    public var hasPhones: Bool { self == .unit || self == .requester }
}

/// One line of "who gets what": an event, to an audience, by a channel. Rules are data an administrator edits.
public struct NotificationRule: Sendable, Hashable, Codable {
    public var event: NotificationEvent
    public var audience: NotificationAudience
    public var channel: NotificationChannel

    public init(_ event: NotificationEvent, _ audience: NotificationAudience, _ channel: NotificationChannel) {
        self.event = event
        self.audience = audience
        self.channel = channel
    }

    /// Whether the channel can reach the audience: SMS needs phones; the inbox needs staff; robots and
    /// webhooks speak to groups and systems, never to a resident.
    public var isDeliverable: Bool {
        switch channel {
        case .sms: audience.hasPhones
        case .inbox: audience != .requester
        case .webhook, .wecomRobot, .dingtalkRobot: audience != .requester
        }
    }

    /// The rules a new installation starts with: units are reminded by SMS, requesters invited to the
    /// revisit and told of completion by SMS, breaches reach the supervisors' inbox.
    public static let defaults: [NotificationRule] = [
        .init(.signReminder, .unit, .sms), .init(.slaWarning, .unit, .sms), .init(.slaBreach, .unit, .sms),
        .init(.slaBreach, .supervisors, .inbox), .init(.supervised, .unit, .sms),
        .init(.revisitInvitation, .requester, .sms), .init(.revisitReminder, .requester, .sms),
        .init(.revisitReminder, .operators, .inbox), .init(.completedNotice, .requester, .sms),
    ]
}
