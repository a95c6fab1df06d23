import Vapor
import Fluent
import LianxinCore

/// The activity page: creating activities and taking attendance.
extension CommunityPagesController {
    struct ActivityRow: Encodable, Sendable {
        var activity: ActivitiesController.ActivityDTO
        var starts: String
        var ends: String
        var signups: [SignUpRow]
    }

    struct SignUpRow: Encodable, Sendable {
        var volunteerId: String
        var name: String
        var checkedIn: String
        var checkedOut: String
        var minutes: Int?
        var canCheckIn: Bool
        var canCheckOut: Bool
    }

    struct ActivitiesModel: Encodable, Sendable {
        var flash: Flash
        var activities: [ActivityRow]
        var volunteers: [SelectOption]
        var canManage: Bool
        var canRecord: Bool
        var communityChoice: Bool
    }

    func activities(req: Request) async throws -> Response {
        let principal = try await req.require(.viewCommunityServices)
        let records = try await CommunityScope.limit(Activity.query(on: req.db), to: principal).sort(\.$startsAt, .descending).limit(100).all()
        let rows = try await ActivityService.dtos(records, signups: true, req).map { activity in
            ActivityRow(
                activity: activity, starts: CommunityFormat.time(activity.startsAt), ends: CommunityFormat.time(activity.endsAt),
                signups: (activity.signups ?? []).map {
                    SignUpRow(
                        volunteerId: $0.volunteerId.uuidString, name: $0.name, checkedIn: CommunityFormat.time($0.checkedInAt),
                        checkedOut: CommunityFormat.time($0.checkedOutAt), minutes: $0.minutes,
                        canCheckIn: $0.checkedInAt == nil, canCheckOut: $0.checkedInAt != nil && $0.checkedOutAt == nil)
                })
        }
        return try await req.page(
            "community/activities", title: "cs_activities_title",
            model: ActivitiesModel(
                flash: Flash(req), activities: rows, volunteers: try await Self.volunteerOptions(principal, req),
                canManage: principal.role.can(.manageCommunityServices), canRecord: principal.role.can(.orderCommunityServices),
                communityChoice: principal.division.level != .community))
    }

    func createActivity(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        return try await req.communityForm(back: "/community/activities") {
            let activity = try await ActivityService.create(
                try req.content.decode(ActivitiesController.ActivityInput.self), principal: principal, req)
            return req.t("cs_saved") + " " + activity.title
        }
    }

    /// Sign-up, check-in or check-out of one volunteer by the organiser.
    func attendance(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        let activity = try await CommunityScope.find(Activity.self, req, principal, what: "activity")
        struct Form: Content { var action: String?; var volunteerId: String? }
        return try await req.communityForm(back: "/community/activities") {
            let form = try req.content.decode(Form.self)
            let volunteer = try await ActivityService.volunteer(form.volunteerId.flatMap(UUID.init(uuidString:)), principal: principal, req)
            switch form.action {
            case "signUp":
                try await req.lianxin.writes.run {
                    try await req.db.transaction { db in
                        _ = try await ActivityService.signUp(volunteer, to: activity, at: req.lianxin.now(), on: db)
                    }
                }
            case "checkIn", "checkOut":
                _ = try await ActivityService.record(
                    form.action == "checkIn" ? .checkIn : .checkOut, volunteer: volunteer, activity: activity,
                    at: req.lianxin.now(), by: "organiser", signUpIfNeeded: false, req)
            default:
                throw Problem.invalid(field: "/action", "signUp, checkIn or checkOut")
            }
            return req.t("cs_saved") + " " + volunteer.name
        }
    }
}
