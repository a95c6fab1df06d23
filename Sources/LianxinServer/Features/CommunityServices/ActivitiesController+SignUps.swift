import Vapor
import Fluent
import LianxinCore

/// Volunteers signing up for an activity.
extension ActivitiesController {
    func signUp(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        let activity = try await CommunityScope.find(Activity.self, req, principal, what: "activity")
        let volunteer = try await ActivityService.volunteer(try req.content.decode(SignUpInput.self).volunteerId, principal: principal, req)
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in _ = try await ActivityService.signUp(volunteer, to: activity, at: req.lianxin.now(), on: db) }
        }
        return try await ActivityService.dtos([activity], signups: true, req)[0].encodeResponse(status: .created, for: req)
    }

}
