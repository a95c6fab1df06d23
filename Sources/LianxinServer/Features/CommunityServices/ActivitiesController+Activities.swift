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
        return try await Self.dtos(activities, signups: false, req)
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let activity = try await Self.create(try req.content.decode(ActivityInput.self), principal: principal, req)
        return try await Self.dtos([activity], signups: true, req)[0].encodeResponse(status: .created, for: req)
    }

    static func create(_ input: ActivityInput, principal: Principal, _ req: Request) async throws -> Activity {
        let community = try await CommunityScope.community(input.communityCode, for: principal, on: req.db)
        var checks = InputValidator(req)
        let title = checks.text(input.title, "/title", 2...100)
        let place = checks.text(input.place, "/place", 1...200)
        let start = CommunityFormat.instant(input.startsAt), end = CommunityFormat.instant(input.endsAt)
        if start == nil { checks.fail("/startsAt", "a time like 2025-03-06T14:00 / 时间格式如 2025-03-06T14:00") }
        if end == nil { checks.fail("/endsAt", "a time like 2025-03-06T17:00 / 时间格式如 2025-03-06T17:00") }
        if let start, let end, end <= start || end.timeIntervalSince(start) > 86_400 {
            checks.fail("/endsAt", "after the start, within a day / 结束时间须晚于开始时间且不超过一天")
        }
        let capacity = input.capacity ?? 0
        if !(1...10_000).contains(capacity) { checks.fail("/capacity", "1–10000 / 人数上限 1–10000") }
        try checks.finish()
        let activity = Activity()
        activity.communityCode = community.id ?? ""
        activity.title = title
        activity.place = place
        activity.startsAt = start ?? Date()
        activity.endsAt = end ?? Date()
        activity.capacity = capacity
        activity.checkinCode = RentalCode.make()
        activity.createdBy = principal.userID
        activity.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await activity.create(on: req.db) }
        return activity
    }

    func show(req: Request) async throws -> ActivityDTO {
        let principal = try await req.require(.viewCommunityServices)
        let activity = try await CommunityScope.find(Activity.self, req, principal, what: "activity")
        return try await Self.dtos([activity], signups: true, req)[0]
    }
}
