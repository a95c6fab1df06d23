import Vapor
import Fluent
import LianxinCore

/// What the meeting endpoints accept.
extension MeetingsController {
    struct MeetingInput: Content {
        var kind: String?
        var title: String?
        var place: String?
        var scheduledAt: Date?
        var divisionCode: String?
    }

    struct TopicInput: Content {
        var title: String?
        var detail: String?
        var proposer: String?
        /// Residents on the public page give a phone, kept only as a blind index, so that each supports once.
        var phone: String?
    }

    struct SupportInput: Content { var phone: String? }

    struct HoldInput: Content {
        var minutes: String?
        var attendance: Int?
    }

    struct OpinionInput: Content {
        var speaker: String?
        var content: String?
        var topicId: UUID?
    }

    struct AnswerInput: Content { var answer: String? }

    struct OrderInput: Content { var categoryCode: String? }
}
