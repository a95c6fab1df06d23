import Vapor
import Fluent
import LianxinCore

/// Reading meeting rows: look-up in scope, stages, rule refusals and the DTO.
extension MeetingsController {
    static func find(_ req: Request, _ principal: Principal) async throws -> Meeting {
        try await Engagement.scoped(Meeting.self, try Engagement.id(req, "id", "meeting"), division: \.divisionCode, "meeting", principal, req)
    }

    static func publicMeeting(_ req: Request) async throws -> Meeting {
        guard let meeting = try await Meeting.find(try Engagement.id(req, "id", "meeting"), on: req.db) else { throw Problem.notFound("meeting") }
        return meeting
    }

    static func opinion(_ req: Request, _ meeting: Meeting) async throws -> MeetingOpinion {
        guard let id = req.parameters.get("opinionId").flatMap(UUID.init(uuidString:)),
            let opinion = try await MeetingOpinion.query(on: req.db).filter(\.$id == id).filter(\.$meetingID == meeting.requireID()).first()
        else { throw Problem.notFound("opinion") }
        return opinion
    }

    static func stage(_ meeting: Meeting) -> MeetingStage { MeetingStage(rawValue: meeting.stage) ?? .collecting }

    static func kindName(_ meeting: Meeting, _ language: DisplayLanguage) -> String {
        MeetingKind(rawValue: meeting.kind)?.name(in: language) ?? meeting.kind
    }

    /// Runs a core rule; a wrong stage or an already resolved opinion is a 409, missing data a 422.
    static func rule(field: String, _ check: () throws(MeetingRuleError) -> Void) throws {
        do { try check() } catch {
            let message = "\(error.message(in: .zhCN)) / \(error.message(in: .en))"
            switch error {
            case .missingMinutes: throw Problem.invalid(field: "/minutes", message)
            case .noAttendance: throw Problem.invalid(field: "/attendance", message)
            default: throw Problem.conflict(message, field: field)
            }
        }
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
            kindName: kindName(meeting, Engagement.language(req)), title: meeting.title, place: meeting.place,
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
}
