import Vapor
import Fluent
import LianxinCore

/// The meeting pages, staff and public.
extension EngagementPagesController {
    struct MeetingsModel: Encodable, Sendable {
        let tabs: Tabs
        let items: [MeetingsController.MeetingDTO]
        let canManage: Bool
        let kinds: [SelectOption]
    }

    func meetings(req: Request) async throws -> Response {
        let principal = try await req.require(.viewEngagement)
        let language = Engagement.language(req)
        return try await req.page(
            "engagement/meetings", title: "engagement_meetings",
            model: MeetingsModel(
                tabs: Self.tabs(principal, "meetings"), items: try await MeetingsController().list(req: req),
                canManage: principal.role.can(.manageEngagement),
                kinds: MeetingKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.name(in: language)) }))
    }

    struct MeetingModel: Encodable, Sendable {
        let tabs: Tabs
        let meeting: MeetingsController.MeetingDTO
        let canManage: Bool
        let canFile: Bool
        let categories: [SelectOption]
        let scheduled: String
    }

    func meeting(req: Request) async throws -> Response {
        let principal = try await req.require(.viewEngagement)
        let record = try await MeetingLookup.find(req, principal)
        let dto = try await MeetingLookup.dto(record, req)
        return try await req.page(
            "engagement/meeting", title: "engagement_meetings",
            model: MeetingModel(
                tabs: Self.tabs(principal, "meetings"), meeting: dto, canManage: principal.role.can(.manageEngagement),
                canFile: principal.role.can(.createWorkOrders), categories: try await Self.categories(req),
                scheduled: Engagement.minute(dto.scheduledAt)))
    }

    struct PublicMeetingModel: Encodable, Sendable {
        let meeting: MeetingsController.MeetingDTO
        let scheduled: String
    }

    /// 三个开放: the meeting's public page — topics to support before it, every opinion's outcome after it.
    func publicMeeting(req: Request) async throws -> Response {
        let record = try await MeetingLookup.publicMeeting(req)
        let dto = try await MeetingLookup.publicDTO(record, req)
        return try await req.page(
            "engagement/public-meeting", title: "engagement_public_title",
            model: PublicMeetingModel(
                meeting: dto, scheduled: Engagement.minute(dto.scheduledAt)))
    }
}
