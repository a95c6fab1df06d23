import Vapor
import Fluent
import LianxinCore

/// Volunteers signing up for an activity.
extension ActivitiesController {
    func signUp(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        let activity = try await CommunityScope.find(Activity.self, req, principal, what: "activity")
        let volunteer = try await Self.volunteer(try req.content.decode(SignUpInput.self).volunteerId, principal: principal, req)
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in _ = try await Self.signUp(volunteer, to: activity, at: req.lianxin.now(), on: db) }
        }
        return try await Self.dtos([activity], signups: true, req)[0].encodeResponse(status: .created, for: req)
    }

    /// Signs the volunteer up, under a lock of the activity so that the capacity holds against simultaneous sign-ups.
    static func signUp(_ volunteer: Volunteer, to activity: Activity, at now: Date, on db: any Database) async throws -> SignUp {
        let activityID = try activity.requireID(), volunteerID = try volunteer.requireID()
        try await CommunityServicesQueries.lock(Activity.schema, id: activityID, on: db)
        if try await SignUp.query(on: db).filter(\.$activityID == activityID).filter(\.$volunteerID == volunteerID).count() > 0 {
            throw Problem.conflict("the volunteer has already signed up / 已报名", field: "/volunteerId")
        }
        guard now < activity.endsAt else { throw Problem.conflict("the activity is over / 活动已结束", field: "/volunteerId") }
        let taken = try await SignUp.query(on: db).filter(\.$activityID == activityID).count()
        guard taken < activity.capacity else {
            throw Problem.conflict("the activity is full (\(activity.capacity)) / 报名人数已满", field: "/volunteerId")
        }
        let signup = SignUp()
        signup.activityID = activityID
        signup.volunteerID = volunteerID
        signup.communityCode = activity.communityCode
        signup.signedUpAt = now
        try await signup.create(on: db)
        return signup
    }
}
