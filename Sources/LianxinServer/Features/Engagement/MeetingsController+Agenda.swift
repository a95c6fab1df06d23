import Vapor
import Fluent
import LianxinCore

/// Topics collected before a meeting (the first of the 三个开放).
extension MeetingsController {
    /// A topic taken down by staff on a resident's behalf.
    func addTopic(req: Request) async throws -> Response {
        let principal = try await req.require(.manageEngagement)
        let meeting = try await MeetingLookup.find(req, principal)
        try await Self.createTopic(meeting, try req.content.decode(TopicInput.self), phoneRequired: false, req)
        return try await MeetingLookup.dto(meeting, req).encodeResponse(status: .created, for: req)
    }

    static func createTopic(_ meeting: Meeting, _ input: TopicInput, phoneRequired: Bool, _ req: Request) async throws {
        var checks = InputValidator(req)
        let title = checks.text(input.title, "/title", 2...100, label: "议题")
        let detail = checks.text(input.detail, "/detail", 0...2000, label: "说明")
        let proposer = checks.text(input.proposer, "/proposer", 1...50, label: "提出人")
        let phone = checks.optionalPhone(input.phone, "/phone")
        if phoneRequired, phone == nil, !checks.errors.contains(where: { $0.field == "/phone" }) {
            checks.fail("/phone", "is required / 须填写手机号（仅用于防止重复提交，不公开）")
        }
        try checks.finish()
        try rule(field: "/stage") { () throws(MeetingRuleError) in try MeetingRules.checkCollecting(MeetingLookup.stage(meeting)) }
        let topic = MeetingTopic()
        topic.id = UUID()
        topic.meetingID = try meeting.requireID()
        topic.title = PersonalDataMask.redactingNumbers(in: title)
        topic.detail = PersonalDataMask.redactingNumbers(in: detail)
        topic.proposer = PersonalDataMask.name(proposer)
        topic.supports = phone == nil ? 0 : 1
        topic.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await topic.create(on: db)
                // Whoever proposes a topic supports it.
                if let phone {
                    let support = MeetingTopicSupport()
                    support.topicID = try topic.requireID()
                    support.supporterIndex = req.lianxin.cipher.blindIndex(phone.value)
                    support.createdAt = topic.createdAt
                    try await support.create(on: db)
                }
            }
        }
    }
}
