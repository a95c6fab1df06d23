import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
@testable import LianxinCore

/// #18 item 10: times and states that make sense — no whistle due in the past, no meeting held before its day,
/// no results published while a residents' topic has no answer, no supervision deadline already passed.
@Suite("Sensible times and states: deadlines ahead, meetings on their day, topics answered before publishing")
struct SensibleTimesTests {
    struct Blow: Encodable {
        var title: String
        var requiredArrivalAt: Date
        var departmentIds: [UUID]
    }

    @Test func item10_aWhistleDueInThePastOrYearsAheadIsRefused() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, client in
            try await client.login("community")
            let token = try await client.csrf()
            let unit = try #require(try await Department.query(on: app.db).filter(\.$code == "XZ-CG").first()?.id)
            let before = try await count("whistles", app)
            for when in [ISO8601DateFormatter().date(from: "2020-01-01T09:00:00+08:00")!, clock.now.addingTimeInterval(400 * 86_400)] {
                let refused = try await client.send(
                    .POST, "/api/v1/whistles", headers: ["X-CSRF-Token": token],
                    json: Blow(title: "劳动路占道经营", requiredArrivalAt: when, departmentIds: [unit]))
                #expect(refused.status == .unprocessableEntity)
                #expect(try refused.problemFields() == ["/requiredArrivalAt"])
            }
            #expect(try await count("whistles", app) == before)
            let blown = try await client.send(
                .POST, "/api/v1/whistles", headers: ["X-CSRF-Token": token],
                json: Blow(title: "劳动路占道经营", requiredArrivalAt: clock.now.addingTimeInterval(3600), departmentIds: [unit]))
            #expect(blown.status == .created)
        }
    }

    @Test func item10_aMeetingIsNotHeldBeforeItsDayNorPublishedWithAnUnansweredTopic() async throws {
        let clock = TestClock()  // 21 September 2026
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let community = try await makeCommunityStaff(app)
            let csrf = try await community.csrf()
            let tooFar = try await community.send(
                .POST, "/api/v1/meetings", headers: ["X-CSRF-Token": csrf],
                json: MeetingsController.MeetingInput(
                    kind: "courtyard", title: "屋场会", place: "前坪", scheduledAt: ISO8601DateFormatter().date(from: "2062-09-25T19:30:00+08:00")))
            #expect(tooFar.status == .unprocessableEntity)
            #expect(try tooFar.problemFields() == ["/scheduledAt"])
            let meeting = try await community.send(
                .POST, "/api/v1/meetings", headers: ["X-CSRF-Token": csrf],
                json: MeetingsController.MeetingInput(
                    kind: "courtyard", title: "屋场会：停车", place: "3栋前坪",
                    scheduledAt: ISO8601DateFormatter().date(from: "2026-09-22T19:30:00+08:00"))
            ).json(MeetingsController.MeetingDTO.self)
            let resident = TestClient(app: app)
            let topics = try await resident.send(
                .POST, "/api/v1/public/meetings/\(meeting.id)/topics",
                json: MeetingsController.TopicInput(title: "夜间乱停车", detail: "消防通道被占", proposer: "李秀英", phone: "13907930021"))
            let topic = try #require(try topics.json(MeetingsController.MeetingDTO.self).topics.first)

            let early = try await community.send(
                .POST, "/api/v1/meetings/\(meeting.id)/hold", headers: ["X-CSRF-Token": csrf],
                json: MeetingsController.HoldInput(minutes: "讨论停车", attendance: 20))
            #expect(early.status == .conflict && early.body.string.contains("还没到召开的日子"))
            for _ in 0..<6 {  // past midnight to the 22nd, Beijing time, in 20-minute steps that keep the session alive
                clock.advance(1200)
                _ = try await community.send(.GET, "/api/v1/meetings/\(meeting.id)")
            }
            let held = try await community.send(
                .POST, "/api/v1/meetings/\(meeting.id)/hold", headers: ["X-CSRF-Token": csrf],
                json: MeetingsController.HoldInput(minutes: "讨论停车", attendance: 20))
            #expect(held.status == .ok)

            // An opinion on another matter is answered, but the residents' topic has none: not yet public.
            let added = try await community.send(
                .POST, "/api/v1/meetings/\(meeting.id)/opinions", headers: ["X-CSRF-Token": csrf],
                json: MeetingsController.OpinionInput(speaker: "张三", content: "楼道灯坏了"))
            let other = try #require(try added.json(MeetingsController.MeetingDTO.self).opinions.first)
            _ = try await community.send(
                .POST, "/api/v1/meetings/\(meeting.id)/opinions/\(other.id)/answer", headers: ["X-CSRF-Token": csrf],
                json: MeetingsController.AnswerInput(answer: "物业本周更换"))
            let unanswered = try await community.send(.POST, "/api/v1/meetings/\(meeting.id)/publish", headers: ["X-CSRF-Token": csrf])
            #expect(unanswered.status == .conflict && unanswered.body.string.contains("1 个居民议题"))

            let onTopic = try await community.send(
                .POST, "/api/v1/meetings/\(meeting.id)/opinions", headers: ["X-CSRF-Token": csrf],
                json: MeetingsController.OpinionInput(speaker: "李四", content: "划定夜间停车位", topicId: topic.id))
            let opinion = try #require(try onTopic.json(MeetingsController.MeetingDTO.self).opinions.last)
            _ = try await community.send(
                .POST, "/api/v1/meetings/\(meeting.id)/opinions/\(opinion.id)/answer", headers: ["X-CSRF-Token": csrf],
                json: MeetingsController.AnswerInput(answer: "下周划定12个车位"))
            let published = try await community.send(.POST, "/api/v1/meetings/\(meeting.id)/publish", headers: ["X-CSRF-Token": csrf])
            #expect(try published.json(MeetingsController.MeetingDTO.self).stage == "published")
        }
    }

    @Test func item10_timeRulesSayWhatIsWrong() throws {
        let now = ISO8601DateFormatter().date(from: "2026-09-21T10:00:00+08:00")!
        #expect(throws: TimeRule.Refusal.deadlineInPast) { try TimeRule.checkDeadline(now.addingTimeInterval(-3600), now: now) }
        #expect(throws: TimeRule.Refusal.deadlineTooFar(days: 30)) {
            try TimeRule.checkDeadline(now.addingTimeInterval(31 * 86_400), now: now, maxDays: 30)
        }
        try TimeRule.checkDeadline(now.addingTimeInterval(60), now: now)
        let tonight = ISO8601DateFormatter().date(from: "2026-09-21T19:30:00+08:00")!
        try TimeRule.checkNotBefore(tonight, now: now)
        #expect(throws: TimeRule.Refusal.self) { try TimeRule.checkNotBefore(tonight.addingTimeInterval(86_400), now: now) }
        #expect(throws: TimeRule.Refusal.inFuture) { try TimeRule.checkPast(now.addingTimeInterval(86_400), now: now) }
        #expect(throws: MeetingRuleError.unansweredTopics(2)) {
            try MeetingRules.checkPublishing(.held, opinions: [OpinionOutcome.answered], unansweredTopics: 2)
        }
    }
}
