import Vapor
import Fluent
import LianxinCore

/// Meetings (屋场贴心会) as the API and the pages both read them, for staff and for the public.
enum MeetingLookup {
    typealias MeetingDTO = MeetingsController.MeetingDTO
    typealias OpinionDTO = MeetingsController.OpinionDTO
    typealias TopicDTO = MeetingsController.TopicDTO

    static func find(_ req: Request, _ principal: Principal) async throws -> Meeting {
        try await Engagement.scoped(Meeting.self, try Engagement.id(req, "id", "meeting"), division: \.divisionCode, "meeting", principal, req)
    }

    static func dto(_ meeting: Meeting, _ req: Request) async throws -> MeetingDTO {
        let id = try meeting.requireID()
        let topics = try await MeetingTopic.query(on: req.db).filter(\.$meetingID == id).all()
            .sorted { ($0.supports, $1.createdAt, $1.title) > ($1.supports, $0.createdAt, $0.title) }
        let opinions = try await MeetingOpinion.query(on: req.db).filter(\.$meetingID == id).sort(\.$position).all()
        let orderIDs = opinions.compactMap(\.orderID)
        let statuses =
            orderIDs.isEmpty
            ? [:]
            : try await WorkOrder.query(on: req.db).filter(\.$id ~~ orderIDs).all()
                .reduce(into: [UUID: String]()) { $0[$1.id!] = $1.status }
        let division = try await Division.find(meeting.divisionCode, on: req.db)
        return MeetingDTO(
            id: id, divisionCode: meeting.divisionCode, divisionName: division?.name ?? meeting.divisionCode, kind: meeting.kind,
            kindName: MeetingLookup.kindName(meeting, Engagement.language(req)), title: meeting.title, place: meeting.place,
            scheduledAt: meeting.scheduledAt, stage: meeting.stage, minutes: meeting.minutes, attendance: meeting.attendance,
            heldAt: meeting.heldAt, publishedAt: meeting.publishedAt,
            topics: try topics.map {
                TopicDTO(id: try $0.requireID(), title: $0.title, detail: $0.detail, proposer: $0.proposer, supports: $0.supports)
            },
            opinions: try opinions.map { opinion in
                OpinionDTO(
                    id: try opinion.requireID(), topicId: opinion.topicID, speaker: opinion.speaker, content: opinion.content,
                    outcome: opinion.outcome, answer: opinion.answer, orderNumber: opinion.orderNumber,
                    orderStatus: opinion.orderID.flatMap { statuses[$0] }, resolvedAt: opinion.resolvedAt)
            },
            pendingOpinions: opinions.filter { $0.outcome == OpinionOutcome.pending.rawValue }.count)
    }

    static func publicMeeting(_ req: Request) async throws -> Meeting {
        guard let meeting = try await Meeting.find(try Engagement.id(req, "id", "meeting"), on: req.db) else { throw Problem.notFound("meeting") }
        return meeting
    }

    /// Minutes and opinions go public with the results, not before.
    static func publicDTO(_ meeting: Meeting, _ req: Request) async throws -> MeetingDTO {
        var dto = try await dto(meeting, req)
        if MeetingLookup.stage(meeting) != .published {
            dto.minutes = nil
            dto.opinions = []
        }
        return dto
    }

    static func stage(_ meeting: Meeting) -> MeetingStage { MeetingStage(rawValue: meeting.stage) ?? .collecting }

    static func kindName(_ meeting: Meeting, _ language: DisplayLanguage) -> String {
        MeetingKind(rawValue: meeting.kind)?.name(in: language) ?? meeting.kind
    }
}
