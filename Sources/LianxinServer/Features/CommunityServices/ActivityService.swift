import Vapor
import Fluent
import LianxinCore

/// Volunteer activities for the API and the pages: creating, signing up, recording attendance and its points.
enum ActivityService {
    typealias ActivityDTO = ActivitiesController.ActivityDTO
    typealias ActivityInput = ActivitiesController.ActivityInput
    typealias Attendance = ActivitiesController.Attendance
    typealias SignUpDTO = ActivitiesController.SignUpDTO

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

    /// Checks the volunteer in or out of the activity; a check-out credits the session (rounded to quarter hours,
    /// at most 8 hours a day) and earns the hour and event points, all in one transaction.
    static func record(
        _ step: Attendance, volunteer: Volunteer, activity: Activity, at time: Date, by: String,
        signUpIfNeeded: Bool, _ req: Request
    ) async throws -> SignUp {
        let activityID = try activity.requireID(), volunteerID = try volunteer.requireID()
        if step == .checkIn, time < activity.startsAt.addingTimeInterval(-ActivityService.earlyCheckIn) || time > activity.endsAt {
            throw Problem.conflict("check-in opens an hour before the start and closes at the end / 签到时间为活动开始前 1 小时至结束", field: "/at")
        }
        return try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                var signup = try await SignUp.query(on: db).filter(\.$activityID == activityID).filter(\.$volunteerID == volunteerID).first()
                if signup == nil, step == .checkIn, signUpIfNeeded { signup = try await signUp(volunteer, to: activity, at: time, on: db) }
                guard let found = signup, let signupID = found.id else {
                    throw Problem.conflict("the volunteer has not signed up / 该志愿者未报名此活动", field: "/volunteerId")
                }
                try await CommunityServicesQueries.lock(SignUp.schema, id: signupID, on: db)
                guard let row = try await SignUp.find(signupID, on: db) else { throw Problem.notFound("sign-up") }
                switch step {
                case .checkIn:
                    guard row.checkedInAt == nil else { throw Problem.conflict("already checked in / 已签到", field: "/action") }
                    row.checkedInAt = time
                    row.checkedBy = by
                case .checkOut:
                    guard let start = row.checkedInAt else { throw Problem.conflict("not checked in yet / 尚未签到", field: "/action") }
                    guard row.checkedOutAt == nil else { throw Problem.conflict("already checked out / 已签退", field: "/action") }
                    let session: ServiceSession
                    do {
                        session = try ServiceSession(volunteerID: volunteerID, checkIn: start, checkOut: time)
                    } catch {
                        throw Problem.invalid(field: "/at", "the check-out is before the check-in / 签退时间早于签到时间")
                    }
                    let minutes = ServiceHours.credited([session], dailyCapMinutes: dailyCapMinutes).first?.minutes ?? 0
                    row.checkedOutAt = time
                    row.minutes = minutes
                    if minutes > 0 {
                        try await PointsLedgerStore.earn(
                            .service(minutes: minutes), volunteerID: volunteerID, community: activity.communityCode,
                            reference: signupID, at: time, on: db)
                    }
                    try await PointsLedgerStore.earn(
                        .eventAttended, volunteerID: volunteerID, community: activity.communityCode,
                        reference: activityID, at: time, on: db)
                }
                try await row.update(on: db)
                return row
            }
        }
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

    static func volunteer(_ id: UUID?, principal: Principal, _ req: Request) async throws -> Volunteer {
        guard let id, let volunteer = try await Volunteer.find(id, on: req.db), principal.canSee(divisionCode: volunteer.communityCode) else {
            throw Problem.invalid(field: "/volunteerId", "a volunteer registered in your division / 志愿者不存在或不在辖区内")
        }
        return volunteer
    }

    /// The most service one volunteer is credited with in a day.
    static let dailyCapMinutes = 8 * 60

    /// How early before the start a volunteer may check in.
    static let earlyCheckIn: TimeInterval = 3_600
}
