import Vapor
import Fluent
import LianxinCore

/// Checking volunteers in and out, and the service hours and points it earns.
extension ActivitiesController {
    func attendance(req: Request) async throws -> ActivityDTO {
        let principal = try await req.require(.orderCommunityServices)
        let activity = try await CommunityScope.find(Activity.self, req, principal, what: "activity")
        let input = try req.content.decode(AttendanceInput.self)
        guard let action = input.action, ["checkIn", "checkOut"].contains(action) else {
            throw Problem.invalid(field: "/action", "checkIn or checkOut")
        }
        let volunteer = try await ActivityService.volunteer(input.volunteerId, principal: principal, req)
        let at = input.at ?? req.lianxin.now()
        guard at <= req.lianxin.now().addingTimeInterval(300) else { throw Problem.invalid(field: "/at", "not in the future / 不能晚于当前时间") }
        _ = try await ActivityService.record(
            action == "checkIn" ? .checkIn : .checkOut, volunteer: volunteer, activity: activity, at: at,
            by: "organiser", signUpIfNeeded: false, req)
        return try await ActivityService.dtos([activity], signups: true, req)[0]
    }

    enum Attendance { case checkIn, checkOut }

}
