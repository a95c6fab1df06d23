import Vapor
import Fluent
import LianxinCore

/// Listing, creating and reading activities.
extension ActivitiesController {
    func list(req: Request) async throws -> [ActivityDTO] {
        let principal = try await req.require(.viewCommunityServices)
        let activities = try await CommunityScope.limit(
            Activity.query(on: req.db), to: principal,
            community: try? req.query.get(String.self, at: "community")
        )
        .sort(\.$startsAt, .descending).limit(500).all()
        return try await ActivityService.dtos(activities, signups: false, req)
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let activity = try await ActivityService.create(try req.content.decode(ActivityInput.self), principal: principal, req)
        return try await ActivityService.dtos([activity], signups: true, req)[0].encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> ActivityDTO {
        let principal = try await req.require(.viewCommunityServices)
        let activity = try await CommunityScope.find(Activity.self, req, principal, what: "activity")
        return try await ActivityService.dtos([activity], signups: true, req)[0]
    }
}
