import Foundation
import Testing
import VaporTesting
import Fluent
@testable import LianxinServer
@testable import LianxinCore

@Suite("Meetings (屋场贴心会): topics before, opinions during, every opinion answered or filed after, results public")
struct EngagementMeetingTests {
    @Test func aMeetingsPublicResultsShowEveryOpinionsOutcome() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let community = try await makeCommunityStaff(app)
            let csrf = try await community.csrf()
            let before = try await engagementCounts(app)
            let missing = try await community.send(
                .POST, "/api/v1/meetings", headers: ["X-CSRF-Token": csrf],
                json: MeetingsController.MeetingInput(kind: "tea party", title: "", place: "社区\u{0}活动室"))
            #expect(missing.status == .unprocessableEntity)
            #expect(Set(try missing.json(ProblemBody.self).errors?.map(\.field) ?? []) == ["/kind", "/title", "/place", "/scheduledAt"])
            #expect(try await engagementCounts(app) == before)

            let meeting = try await community.send(
                .POST, "/api/v1/meetings", headers: ["X-CSRF-Token": csrf],
                json: MeetingsController.MeetingInput(
                    kind: "courtyard", title: "上滩头屋场贴心会：停车难怎么办", place: "上滩头社区3栋前坪",
                    scheduledAt: ISO8601DateFormatter().date(from: "2026-09-22T19:30:00+08:00"))
            ).json(MeetingsController.MeetingDTO.self)
            #expect(meeting.stage == "collecting" && meeting.kindName == "屋场贴心会")

            // Before: a resident proposes a topic on the public page (and supports it); another supports it once.
            let resident = TestClient(app: app)
            let proposed = try await resident.send(
                .POST, "/api/v1/public/meetings/\(meeting.id)/topics",
                json: MeetingsController.TopicInput(title: "夜间乱停车堵消防通道", detail: "晚上8点后车辆停满通道", proposer: "李秀英", phone: "13907930011"))
            #expect(proposed.status == .created)
            let topic = try #require(try proposed.json(MeetingsController.MeetingDTO.self).topics.first)
            #expect(topic.proposer == "李**" && topic.supports == 1)
            let noPhone = try await resident.send(
                .POST, "/api/v1/public/meetings/\(meeting.id)/topics",
                json: MeetingsController.TopicInput(title: "增设充电桩", proposer: "王五"))
            #expect(noPhone.status == .unprocessableEntity && noPhone.body.string.contains("/phone"))
            let supported = try await resident.send(
                .POST, "/api/v1/public/meetings/\(meeting.id)/topics/\(topic.id)/support",
                json: MeetingsController.SupportInput(phone: "139 0793 0012"))
            #expect(try supported.json(MeetingsController.MeetingDTO.self).topics.first?.supports == 2)
            let again = try await resident.send(
                .POST, "/api/v1/public/meetings/\(meeting.id)/topics/\(topic.id)/support",
                json: MeetingsController.SupportInput(phone: "13907930012"))
            #expect(again.status == .conflict)
            let proposerAgain = try await resident.send(
                .POST, "/api/v1/public/meetings/\(meeting.id)/topics/\(topic.id)/support",
                json: MeetingsController.SupportInput(phone: "13907930011"))
            #expect(proposerAgain.status == .conflict)
            #expect(try await count("meeting_topic_supports", app) == (before["meeting_topic_supports"] ?? 0) + 2)
            // Opinions wait for the meeting.
            let early = try await community.send(
                .POST, "/api/v1/meetings/\(meeting.id)/opinions", headers: ["X-CSRF-Token": csrf],
                json: MeetingsController.OpinionInput(speaker: "张三", content: "建议划定夜间停车位"))
            #expect(early.status == .conflict)

            // During: minutes and attendance, then opinions — on the meeting's day (the clock starts on 21 September).
            let beforeItsDay = try await community.send(
                .POST, "/api/v1/meetings/\(meeting.id)/hold", headers: ["X-CSRF-Token": csrf],
                json: MeetingsController.HoldInput(minutes: "讨论停车", attendance: 20))
            #expect(beforeItsDay.status == .conflict)
            for _ in 0..<6 {  // past midnight, to the meeting's day, in 20-minute steps that keep the session alive
                clock.advance(1200)
                _ = try await community.send(.GET, "/api/v1/meetings/\(meeting.id)")
            }
            let noOne = try await community.send(
                .POST, "/api/v1/meetings/\(meeting.id)/hold", headers: ["X-CSRF-Token": csrf],
                json: MeetingsController.HoldInput(minutes: "讨论停车", attendance: 0))
            #expect(noOne.status == .unprocessableEntity && noOne.body.string.contains("/attendance"))
            let held = try await community.send(
                .POST, "/api/v1/meetings/\(meeting.id)/hold", headers: ["X-CSRF-Token": csrf],
                json: MeetingsController.HoldInput(minutes: "到会居民38人，围绕停车难、消防通道畅通展开讨论。", attendance: 38))
            #expect(try held.json(MeetingsController.MeetingDTO.self).stage == "held")
            let late = try await resident.send(
                .POST, "/api/v1/public/meetings/\(meeting.id)/topics",
                json: MeetingsController.TopicInput(title: "增设充电桩", proposer: "王五", phone: "13907930013"))
            #expect(late.status == .conflict)
            for (speaker, content) in [("张三", "建议在3栋前坪划定夜间停车位"), ("李四", "消防通道上的路灯坏了，晚上看不清"), ("王五", "物业应安排夜间巡查")] {
                let added = try await community.send(
                    .POST, "/api/v1/meetings/\(meeting.id)/opinions", headers: ["X-CSRF-Token": csrf],
                    json: MeetingsController.OpinionInput(speaker: speaker, content: content, topicId: topic.id))
                #expect(added.status == .created)
            }
            var current = try await community.send(.GET, "/api/v1/meetings/\(meeting.id)").json(MeetingsController.MeetingDTO.self)
            #expect(current.opinions.map(\.speaker) == ["张*", "李*", "王*"] && current.pendingOpinions == 3)

            // After: results cannot go public while any opinion is pending.
            let tooSoon = try await community.send(.POST, "/api/v1/meetings/\(meeting.id)/publish", headers: ["X-CSRF-Token": csrf])
            #expect(tooSoon.status == .conflict && tooSoon.body.string.contains("3"))
            let opinions = current.opinions
            #expect(
                try await community.send(
                    .POST, "/api/v1/meetings/\(meeting.id)/opinions/\(opinions[0].id)/answer", headers: ["X-CSRF-Token": csrf],
                    json: MeetingsController.AnswerInput(answer: "社区已与物业商定，下周划定12个夜间停车位")
                ).status == .ok)
            let noCategory = try await community.send(
                .POST, "/api/v1/meetings/\(meeting.id)/opinions/\(opinions[1].id)/work-order",
                headers: ["X-CSRF-Token": csrf], json: MeetingsController.OrderInput(categoryCode: nil))
            #expect(noCategory.status == .unprocessableEntity && noCategory.body.string.contains("/categoryCode"))
            #expect(try await count("work_orders", app) == before["work_orders"])
            current = try await community.send(
                .POST, "/api/v1/meetings/\(meeting.id)/opinions/\(opinions[1].id)/work-order", headers: ["X-CSRF-Token": csrf],
                json: MeetingsController.OrderInput(categoryCode: "0601")
            ).json(MeetingsController.MeetingDTO.self)
            let number = try #require(current.opinions[1].orderNumber)
            let order = try #require(try await WorkOrder.query(on: app.db).filter(\.$number == number).first())
            #expect(order.channel == "meeting" && order.divisionCode == "361102001003")
            let twice = try await community.send(
                .POST, "/api/v1/meetings/\(meeting.id)/opinions/\(opinions[1].id)/answer", headers: ["X-CSRF-Token": csrf],
                json: MeetingsController.AnswerInput(answer: "已转办"))
            #expect(twice.status == .conflict)
            #expect(
                try await community.send(
                    .POST, "/api/v1/meetings/\(meeting.id)/opinions/\(opinions[2].id)/answer", headers: ["X-CSRF-Token": csrf],
                    json: MeetingsController.AnswerInput(answer: "物业已承诺每晚22点巡查一次")
                ).status == .ok)

            // Before publication the public sees the topics but not the opinions.
            let unpublished = try await resident.send(.GET, "/p/meetings/\(meeting.id)")
            #expect(unpublished.status == .ok && !unpublished.body.string.contains("12个夜间停车位"))
            let published = try await community.send(.POST, "/api/v1/meetings/\(meeting.id)/publish", headers: ["X-CSRF-Token": csrf])
            #expect(try published.json(MeetingsController.MeetingDTO.self).stage == "published")

            // 三个开放: the public results page shows every opinion with its outcome.
            let page = try await resident.send(.GET, "/p/meetings/\(meeting.id)")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.components(separatedBy: "class=\"eng-outcome\"").count - 1 == 3)
            #expect(html.contains("社区已与物业商定，下周划定12个夜间停车位") && html.contains("物业已承诺每晚22点巡查一次"))
            #expect(html.contains(number) && html.contains("已转工单") && html.contains("到会居民38人"))
            #expect(!html.contains("张三") && !html.contains("13907930011"))
            let api = try await resident.send(.GET, "/api/v1/public/meetings/\(meeting.id)").json(MeetingsController.MeetingDTO.self)
            #expect(api.opinions.map(\.outcome) == ["answered", "workOrder", "answered"] && api.pendingOpinions == 0)

            let staffPage = try await community.send(.GET, "/engagement/meetings/\(meeting.id)")
            #expect(staffPage.status == .ok && staffPage.body.string.contains("/p/meetings/\(meeting.id)"))
            let neighbour = try await makeNeighbour(app)
            #expect(try await neighbour.send(.GET, "/api/v1/meetings/\(meeting.id)").status == .notFound)
            #expect(
                try await neighbour.send(.POST, "/api/v1/meetings/\(meeting.id)/publish", headers: ["X-CSRF-Token": try await neighbour.csrf()])
                    .status == .notFound)
        }
    }
}
