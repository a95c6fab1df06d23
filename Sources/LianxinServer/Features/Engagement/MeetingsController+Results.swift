import Vapor
import Fluent
import LianxinCore

/// After a meeting: filing a work order from an opinion and publishing the results.
extension MeetingsController {
    /// Files the opinion as a work order (channel `meeting`) in the meeting's division.
    func fileOrder(req: Request) async throws -> MeetingDTO {
        let principal = try await req.require(.manageEngagement)
        let meeting = try await MeetingLookup.find(req, principal)
        let opinion = try await Self.opinion(req, meeting)
        let input = try req.content.decode(OrderInput.self)
        try Self.rule(field: "/outcome") { () throws(MeetingRuleError) in
            try MeetingRules.checkResolving(MeetingLookup.stage(meeting), opinion: OpinionOutcome(rawValue: opinion.outcome) ?? .pending)
        }
        let valid = try await Engagement.validateOrder(
            req, principal, title: "\(MeetingLookup.kindName(meeting, .zhCN))意见：" + opinion.content,
            description: "\(opinion.content)（\(meeting.title)，\(meeting.place)）",
            categoryCode: input.categoryCode, division: meeting.divisionCode)
        let order = try await Engagement.file(valid, req, principal)
        opinion.outcome = OpinionOutcome.workOrder.rawValue
        opinion.orderID = order.id
        opinion.orderNumber = order.number
        opinion.resolvedAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await opinion.update(on: req.db) }
        return try await MeetingLookup.dto(meeting, req)
    }

    func publish(req: Request) async throws -> MeetingDTO {
        let principal = try await req.require(.manageEngagement)
        let meeting = try await MeetingLookup.find(req, principal)
        let opinions = try await MeetingOpinion.query(on: req.db).filter(\.$meetingID == meeting.requireID()).all()
        let topics = try await MeetingTopic.query(on: req.db).filter(\.$meetingID == meeting.requireID()).all(\.$id)
        let answered = Set(opinions.filter { $0.outcome != OpinionOutcome.pending.rawValue }.compactMap(\.topicID))
        try Self.rule(field: "/opinions") { () throws(MeetingRuleError) in
            try MeetingRules.checkPublishing(
                MeetingLookup.stage(meeting), opinions: opinions.map { OpinionOutcome(rawValue: $0.outcome) ?? .pending },
                unansweredTopics: topics.filter { !answered.contains($0) }.count)
        }
        meeting.stage = MeetingStage.published.rawValue
        meeting.publishedAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await meeting.update(on: req.db) }
        return try await MeetingLookup.dto(meeting, req)
    }
}
