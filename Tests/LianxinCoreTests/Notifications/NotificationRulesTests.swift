import Foundation
import Testing
@testable import LianxinCore

@Suite("Notifications: templates, quiet hours, rate limits, retries, the revisit schedule (#20)")
struct NotificationRulesTests {
    /// 2026-12-07 in Beijing at `hour`:`minute`.
    static func beijing(_ hour: Int, _ minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        return calendar.date(from: DateComponents(year: 2026, month: 12, day: 7, hour: hour, minute: minute))!
    }

    @Test func templatesFillTheirParametersAndShowAMistypedOne() {
        #expect(NotificationTemplate.render("工单{number} {title}即将超时", ["number": "N1", "title": "路灯"]) == "工单N1 路灯即将超时")
        #expect(NotificationTemplate.render("请评价：{link}{oops}", ["link": "http://x/p/r/1"]) == "请评价：http://x/p/r/1{oops}")
        #expect(NotificationTemplate.render("无参数", [:]) == "无参数")
        #expect(
            NotificationTemplate.positional(.slaWarning, ["title": String(repeating: "长", count: 30), "number": "N1", "stage": "签收"]) == [
                "N1", String(repeating: "长", count: 20), "签收",
            ])
    }

    @Test func smsWaitsOutQuietHoursInBeijingTime() {
        let policy = DeliveryPolicy(quietStart: 22, quietEnd: 7, perHour: 5)
        #expect(policy.quietUntil(Self.beijing(21, 59)) == nil)
        #expect(policy.quietUntil(Self.beijing(22, 0)) == Self.beijing(7).addingTimeInterval(86_400))
        #expect(policy.quietUntil(Self.beijing(3, 30)) == Self.beijing(7))
        #expect(policy.quietUntil(Self.beijing(7)) == nil)
        #expect(
            policy.decide(now: Self.beijing(23), channelIsSMS: true, sentToRecipientWithinHour: [])
                == .wait(
                    until: Self.beijing(7).addingTimeInterval(86_400), reason: .quietHours))
        #expect(
            policy.decide(now: Self.beijing(23), channelIsSMS: false, sentToRecipientWithinHour: []) == .send,
            "robots and the inbox have no quiet hours")
        #expect(DeliveryPolicy(quietStart: 0, quietEnd: 0).quietUntil(Self.beijing(3)) == nil, "0-0: no quiet hours")
    }

    @Test func aRecipientGetsAtMostTheHourlyLimitAndTheNextWaitsForTheOldestToAge() {
        let policy = DeliveryPolicy(quietStart: 0, quietEnd: 0, perHour: 2)
        let now = Self.beijing(10)
        let sent = [now.addingTimeInterval(-3000), now.addingTimeInterval(-100)]
        #expect(
            policy.decide(now: now, channelIsSMS: true, sentToRecipientWithinHour: sent)
                == .wait(
                    until: now.addingTimeInterval(600), reason: .rateLimited))
        #expect(policy.decide(now: now, channelIsSMS: true, sentToRecipientWithinHour: [now.addingTimeInterval(-3700), now]) == .send)
        #expect(DeliveryPolicy(quietStart: 0, quietEnd: 0, perHour: 0).decide(now: now, channelIsSMS: true, sentToRecipientWithinHour: sent) == .send)
        #expect(policy.decide(now: now, channelIsSMS: false, sentToRecipientWithinHour: sent) == .send, "only SMS is limited here")
    }

    @Test func retriesBackOffFromThirtySecondsToAnHour() {
        #expect(DeliveryPolicy.backoff(afterAttempts: 1) == 30)
        #expect(DeliveryPolicy.backoff(afterAttempts: 2) == 60)
        #expect(DeliveryPolicy.backoff(afterAttempts: 4) == 240)
        #expect(DeliveryPolicy.backoff(afterAttempts: 30) == 3600)
    }

    @Test func rulesReachOnlyWhoTheChannelCanReach() {
        #expect(NotificationRule(.revisitInvitation, .requester, .sms).isDeliverable)
        #expect(!NotificationRule(.revisitInvitation, .requester, .wecomRobot).isDeliverable, "a resident is never in a unit's group")
        #expect(!NotificationRule(.slaBreach, .supervisors, .sms).isDeliverable, "roles have no phones here")
        #expect(NotificationRule.defaults.allSatisfy { $0.isDeliverable })
        #expect(Set(NotificationRule.defaults.map(\.event)) == Set(NotificationEvent.allCases))
    }

    @Test func theRevisitRemindsOnceThenQueuesForTheOperators() {
        let schedule = RevisitSchedule(reminderDays: 2, queueDays: 5, linkDays: 7)
        let invited = Self.beijing(10)
        #expect(schedule.due(invitedAt: invited, reminded: false, queued: false, now: invited.addingTimeInterval(86_400)) == nil)
        #expect(schedule.due(invitedAt: invited, reminded: false, queued: false, now: invited.addingTimeInterval(2 * 86_400)) == .remind)
        #expect(schedule.due(invitedAt: invited, reminded: true, queued: false, now: invited.addingTimeInterval(3 * 86_400)) == nil)
        #expect(schedule.due(invitedAt: invited, reminded: true, queued: false, now: invited.addingTimeInterval(5 * 86_400)) == .queue)
        #expect(schedule.due(invitedAt: invited, reminded: false, queued: false, now: invited.addingTimeInterval(6 * 86_400)) == .queue)
        #expect(schedule.due(invitedAt: invited, reminded: true, queued: true, now: invited.addingTimeInterval(9 * 86_400)) == nil)
        #expect(schedule.expiry(invitedAt: invited) == invited.addingTimeInterval(7 * 86_400))
        #expect(RevisitSchedule(reminderDays: 1, queueDays: 9, linkDays: 3).linkDays == 9, "a link lives at least until the queue")
    }

    /// Alibaba Cloud's SMS documentation example (SendSms, AccessKeyId testId): its canonical string to sign.
    @Test func aliyunStringToSignIsTheDocumentationExample() {
        let parameters = [
            "AccessKeyId": "testId", "Action": "SendSms", "Format": "XML", "OutId": "123", "PhoneNumbers": "15300000001",
            "RegionId": "cn-hangzhou", "SignName": "阿里云短信测试专用", "SignatureMethod": "HMAC-SHA1",
            "SignatureNonce": "45e25e9b-0a6f-4070-8c85-2956eda1b466", "SignatureVersion": "1.0", "TemplateCode": "SMS_71390007",
            "TemplateParam": #"{"customer":"test"}"#, "Timestamp": "2017-07-12T02:42:19Z", "Version": "2017-05-25",
        ]
        #expect(
            AliyunRPCSigning.stringToSign(method: "GET", parameters)
                == "GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_71390007%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp%3D2017-07-12T02%253A42%253A19Z%26Version%3D2017-05-25"
        )
        #expect(AliyunRPCSigning.percentEncode("a b*~") == "a%20b%2A~")
        #expect(AliyunRPCSigning.timestamp(Date(timeIntervalSince1970: 1_499_827_339)) == "2017-07-12T02:42:19Z")
    }

    /// Tencent Cloud's TC3-HMAC-SHA256 worked example (DescribeInstances, timestamp 1551113065): its canonical request.
    @Test func tencentCanonicalRequestAndStringToSignAreTheWorkedExample() {
        let canonical = TC3Signing.canonicalRequest(
            contentType: "application/json; charset=utf-8", host: "cvm.tencentcloudapi.com",
            hashedPayload: "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064")
        #expect(
            canonical
                == "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064"
        )
        #expect(
            TC3Signing.stringToSign(
                timestamp: 1_551_113_065, service: "cvm", hashedCanonicalRequest: "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031")
                == "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031")
        #expect(
            TC3Signing.authorization(
                secretID: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******", timestamp: 1_551_113_065, service: "cvm",
                signature: "2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c")
                == "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c"
        )
    }
}
