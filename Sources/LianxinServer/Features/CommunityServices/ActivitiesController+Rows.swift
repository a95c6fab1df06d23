import Vapor
import Fluent
import LianxinCore

/// The activity DTOs.
extension ActivitiesController {
    static func dtos(_ activities: [Activity], signups withSignups: Bool, _ req: Request) async throws -> [ActivityDTO] {
        let ids = activities.compactMap(\.id)
        let signups = ids.isEmpty ? [] : try await SignUp.query(on: req.db).filter(\.$activityID ~~ ids).sort(\.$signedUpAt).all()
        let volunteerIDs = Array(Set(signups.map(\.volunteerID)))
        let names =
            !withSignups || volunteerIDs.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await Volunteer.query(on: req.db)
                    .filter(\.$id ~~ volunteerIDs).all().map { ($0.id ?? UUID(), $0.name) })
        return try activities.map { activity in
            let own = signups.filter { $0.activityID == activity.id }
            return ActivityDTO(
                id: try activity.requireID(), communityCode: activity.communityCode, title: activity.title, place: activity.place,
                startsAt: activity.startsAt, endsAt: activity.endsAt, capacity: activity.capacity, signedUp: own.count,
                checkInUrl: "/p/activity/\(activity.checkinCode)",
                signups: withSignups
                    ? own.map {
                        SignUpDTO(
                            volunteerId: $0.volunteerID, name: names[$0.volunteerID] ?? "", signedUpAt: $0.signedUpAt,
                            checkedInAt: $0.checkedInAt, checkedOutAt: $0.checkedOutAt, checkedBy: $0.checkedBy, minutes: $0.minutes)
                    } : nil)
        }
    }
}
