import Vapor
import Fluent
import LianxinCore

/// Holding a meeting: minutes, the opinions heard and the answers given.
extension MeetingsController {
    func hold(req: Request) async throws -> MeetingDTO {
        let principal = try await req.require(.manageEngagement)
        let meeting = try await MeetingLookup.find(req, principal)
        let input = try req.content.decode(HoldInput.self)
        var checks = InputValidator(req)
        let minutes = checks.text(input.minutes, "/minutes", 1...20_000, label: "会议纪要")
        if input.attendance.map({ !(1...100_000).contains($0) }) ?? true {
            checks.fail("/attendance", "1–100000 people / 参会人数须为 1–100000")
        }
        try checks.finish()
        try Self.rule(field: "/stage") { () throws(MeetingRuleError) in
            try MeetingRules.checkHolding(
                MeetingLookup.stage(meeting), minutes: minutes, attendance: input.attendance ?? 0, scheduled: meeting.scheduledAt,
                now: req.lianxin.now())
        }
        meeting.minutes = minutes
        meeting.attendance = input.attendance
        meeting.heldAt = req.lianxin.now()
        meeting.stage = MeetingStage.held.rawValue
        try await req.lianxin.writes.run { try await meeting.update(on: req.db) }
        return try await MeetingLookup.dto(meeting, req)
    }

    func addOpinion(req: Request) async throws -> Response {
        let principal = try await req.require(.manageEngagement)
        let meeting = try await MeetingLookup.find(req, principal)
        let input = try req.content.decode(OpinionInput.self)
        var checks = InputValidator(req)
        let speaker = checks.text(input.speaker, "/speaker", 1...50, label: "发言人")
        let content = checks.text(input.content, "/content", 2...2000, label: "意见内容")
        if let topic = input.topicId,
            try await MeetingTopic.query(on: req.db).filter(\.$id == topic)
                .filter(\.$meetingID == meeting.requireID()).first() == nil
        {
            checks.fail("/topicId", "a topic of this meeting / 议题不属于本次会议")
        }
        try checks.finish()
        try Self.rule(field: "/stage") { () throws(MeetingRuleError) in try MeetingRules.checkHeld(MeetingLookup.stage(meeting)) }
        let opinion = MeetingOpinion()
        opinion.meetingID = try meeting.requireID()
        opinion.topicID = input.topicId
        opinion.speaker = PersonalDataMask.name(speaker)
        opinion.content = PersonalDataMask.redactingNumbers(in: content)
        opinion.outcome = OpinionOutcome.pending.rawValue
        opinion.createdAt = req.lianxin.now()
        let meetingID = try meeting.requireID()
        // Two opinions recorded at once would take the same position; the unique index turns the loser into a 409.
        do {
            try await req.lianxin.writes.run {
                opinion.position = try await MeetingOpinion.query(on: req.db).filter(\.$meetingID == meetingID).count() + 1
                try await opinion.create(on: req.db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Problem.conflict("Another opinion was recorded at the same moment; try again / 请重试")
        }
        return try await MeetingLookup.dto(meeting, req).encodeResponse(status: .created, for: req)
    }

    func answer(req: Request) async throws -> MeetingDTO {
        let principal = try await req.require(.manageEngagement)
        let meeting = try await MeetingLookup.find(req, principal)
        let opinion = try await Self.opinion(req, meeting)
        var checks = InputValidator(req)
        let answer = checks.text(try req.content.decode(AnswerInput.self).answer, "/answer", 2...2000, label: "答复")
        try checks.finish()
        try Self.rule(field: "/outcome") { () throws(MeetingRuleError) in
            try MeetingRules.checkResolving(MeetingLookup.stage(meeting), opinion: OpinionOutcome(rawValue: opinion.outcome) ?? .pending)
        }
        opinion.outcome = OpinionOutcome.answered.rawValue
        opinion.answer = answer
        opinion.resolvedAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await opinion.update(on: req.db) }
        return try await MeetingLookup.dto(meeting, req)
    }
}
