import Vapor
import Fluent
import LianxinCore

/// What the meeting endpoints answer with.
extension MeetingsController {
    struct TopicDTO: Content {
        var id: UUID
        var title: String
        var detail: String
        var proposer: String
        var supports: Int
    }

    struct OpinionDTO: Content {
        var id: UUID
        var topicId: UUID?
        var speaker: String
        var content: String
        var outcome: String
        var answer: String?
        var orderNumber: String?
        /// The order's status, for the public results page.
        var orderStatus: String?
        var resolvedAt: Date?
    }

    struct MeetingDTO: Content {
        var id: UUID
        var divisionCode: String
        var divisionName: String
        var kind: String
        var kindName: String
        var title: String
        var place: String
        var scheduledAt: Date
        var stage: String
        var minutes: String?
        var attendance: Int?
        var heldAt: Date?
        var publishedAt: Date?
        var topics: [TopicDTO]
        var opinions: [OpinionDTO]
        var pendingOpinions: Int
    }
}
