import Vapor
import Fluent
import LianxinCore

/// The public page of a meeting and residents' support for its topics.
extension MeetingsController {
    /// A meeting as the public sees it: topics while collecting, every opinion's outcome once published.
    func publicShow(req: Request) async throws -> MeetingDTO {
        try await MeetingLookup.publicDTO(try await MeetingLookup.publicMeeting(req), req)
    }

    func publicTopic(req: Request) async throws -> Response {
        let meeting = try await MeetingLookup.publicMeeting(req)
        try await Self.createTopic(meeting, try req.content.decode(TopicInput.self), phoneRequired: true, req)
        return try await MeetingLookup.publicDTO(meeting, req).encodeResponse(status: .created, for: req)
    }

    /// One resident supports a topic once (by the blind index of their phone).
    func support(req: Request) async throws -> MeetingDTO {
        let meeting = try await MeetingLookup.publicMeeting(req)
        guard let topicID = req.parameters.get("topicId").flatMap(UUID.init(uuidString:)),
            let topic = try await MeetingTopic.query(on: req.db).filter(\.$id == topicID).filter(\.$meetingID == meeting.requireID()).first()
        else { throw Problem.notFound("topic") }
        var checks = InputValidator(req)
        let phone = checks.optionalPhone(try req.content.decode(SupportInput.self).phone, "/phone")
        if phone == nil, checks.errors.isEmpty { checks.fail("/phone", "is required / 须填写手机号（仅用于防止重复支持，不公开）") }
        try checks.finish()
        try Self.rule(field: "/stage") { () throws(MeetingRuleError) in try MeetingRules.checkCollecting(MeetingLookup.stage(meeting)) }
        let index = req.lianxin.cipher.blindIndex(phone?.value ?? "")
        guard try await MeetingTopicSupport.query(on: req.db).filter(\.$topicID == topicID).filter(\.$supporterIndex == index).first() == nil else {
            throw Problem.conflict("You have already supported this topic / 您已支持过该议题", field: "/phone")
        }
        let row = MeetingTopicSupport()
        row.topicID = topicID
        row.supporterIndex = index
        row.createdAt = req.lianxin.now()
        do {
            try await req.lianxin.writes.run {
                try await req.db.transaction { db in
                    try await row.create(on: db)
                    topic.supports = try await MeetingTopicSupport.query(on: db).filter(\.$topicID == topicID).count()
                    try await topic.update(on: db)
                }
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Problem.conflict("You have already supported this topic / 您已支持过该议题", field: "/phone")
        }
        return try await MeetingLookup.publicDTO(meeting, req)
    }
}
