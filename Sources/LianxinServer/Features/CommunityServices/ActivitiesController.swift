import Vapor
import Fluent
import LianxinCore

/// Volunteer activities: creation, sign-up (up to the capacity), check-in and check-out by the organiser or by the
/// activity's QR code; a check-out credits the service time and earns the hour and event points.
struct ActivitiesController: RouteCollection {
    /// The most service one volunteer is credited with in a day.
    static let dailyCapMinutes = 8 * 60
    /// How early before the start a volunteer may check in.
    static let earlyCheckIn: TimeInterval = 3_600

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("volunteer-activities", use: list)
        api.post("volunteer-activities", use: create)
        api.get("volunteer-activities", ":id", use: show)
        api.post("volunteer-activities", ":id", "signups", use: signUp)
        api.post("volunteer-activities", ":id", "attendance", use: attendance)
    }

    struct ActivityInput: Content {
        var communityCode: String?
        var title: String?
        var place: String?
        var startsAt: String?
        var endsAt: String?
        var capacity: Int?
    }

    struct ActivityDTO: Content {
        var id: UUID
        var communityCode: String
        var title: String
        var place: String
        var startsAt: Date
        var endsAt: Date
        var capacity: Int
        var signedUp: Int
        /// The page the activity's QR code opens.
        var checkInUrl: String
        var signups: [SignUpDTO]?
    }

    struct SignUpDTO: Content {
        var volunteerId: UUID
        var name: String
        var signedUpAt: Date
        var checkedInAt: Date?
        var checkedOutAt: Date?
        var checkedBy: String?
        var minutes: Int?
    }

    struct SignUpInput: Content { var volunteerId: UUID? }

    struct AttendanceInput: Content {
        /// checkIn or checkOut.
        var action: String?
        var volunteerId: UUID?
        /// When, for a record made afterwards; now by default.
        var at: Date?
    }

    func list(req: Request) async throws -> [ActivityDTO] {
        let principal = try await req.require(.viewCommunityServices)
        let activities = try await CommunityScope.limit(ActivityRecord.query(on: req.db), to: principal,
                                                        community: try? req.query.get(String.self, at: "community"))
            .sort(\.$startsAt, .descending).limit(500).all()
        return try await Self.dtos(activities, signups: false, req)
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.manageCommunityServices)
        let activity = try await Self.create(try req.content.decode(ActivityInput.self), principal: principal, req)
        return try await Self.dtos([activity], signups: true, req)[0].encodeResponse(status: .created, for: req)
    }

    static func create(_ input: ActivityInput, principal: Principal, _ req: Request) async throws -> ActivityRecord {
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
        let activity = ActivityRecord()
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
        let activity = try await CommunityScope.find(ActivityRecord.self, req, principal, what: "activity")
        return try await Self.dtos([activity], signups: true, req)[0]
    }

    func signUp(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        let activity = try await CommunityScope.find(ActivityRecord.self, req, principal, what: "activity")
        let volunteer = try await Self.volunteer(try req.content.decode(SignUpInput.self).volunteerId, principal: principal, req)
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in _ = try await Self.signUp(volunteer, to: activity, at: req.lianxin.now(), on: db) }
        }
        return try await Self.dtos([activity], signups: true, req)[0].encodeResponse(status: .created, for: req)
    }

    /// Signs the volunteer up, under a lock of the activity so that the capacity holds against simultaneous sign-ups.
    static func signUp(_ volunteer: VolunteerRecord, to activity: ActivityRecord, at now: Date, on db: any Database) async throws -> SignUpRecord {
        let activityID = try activity.requireID(), volunteerID = try volunteer.requireID()
        try await CommunityServicesQueries.lock(ActivityRecord.schema, id: activityID, on: db)
        if try await SignUpRecord.query(on: db).filter(\.$activityID == activityID).filter(\.$volunteerID == volunteerID).count() > 0 {
            throw Problem.conflict("the volunteer has already signed up / 已报名", field: "/volunteerId")
        }
        guard now < activity.endsAt else { throw Problem.conflict("the activity is over / 活动已结束", field: "/volunteerId") }
        let taken = try await SignUpRecord.query(on: db).filter(\.$activityID == activityID).count()
        guard taken < activity.capacity else {
            throw Problem.conflict("the activity is full (\(activity.capacity)) / 报名人数已满", field: "/volunteerId")
        }
        let signup = SignUpRecord()
        signup.activityID = activityID
        signup.volunteerID = volunteerID
        signup.communityCode = activity.communityCode
        signup.signedUpAt = now
        try await signup.create(on: db)
        return signup
    }

    func attendance(req: Request) async throws -> ActivityDTO {
        let principal = try await req.require(.orderCommunityServices)
        let activity = try await CommunityScope.find(ActivityRecord.self, req, principal, what: "activity")
        let input = try req.content.decode(AttendanceInput.self)
        guard let action = input.action, ["checkIn", "checkOut"].contains(action) else {
            throw Problem.invalid(field: "/action", "checkIn or checkOut")
        }
        let volunteer = try await Self.volunteer(input.volunteerId, principal: principal, req)
        let at = input.at ?? req.lianxin.now()
        guard at <= req.lianxin.now().addingTimeInterval(300) else { throw Problem.invalid(field: "/at", "not in the future / 不能晚于当前时间") }
        _ = try await Self.record(action == "checkIn" ? .checkIn : .checkOut, volunteer: volunteer, activity: activity, at: at,
                                  by: "organiser", signUpIfNeeded: false, req)
        return try await Self.dtos([activity], signups: true, req)[0]
    }

    enum Attendance { case checkIn, checkOut }

    /// Checks the volunteer in or out of the activity; a check-out credits the session (rounded to quarter hours,
    /// at most 8 hours a day) and earns the hour and event points, all in one transaction.
    static func record(_ step: Attendance, volunteer: VolunteerRecord, activity: ActivityRecord, at time: Date, by: String,
                       signUpIfNeeded: Bool, _ req: Request) async throws -> SignUpRecord {
        let activityID = try activity.requireID(), volunteerID = try volunteer.requireID()
        if step == .checkIn, time < activity.startsAt.addingTimeInterval(-earlyCheckIn) || time > activity.endsAt {
            throw Problem.conflict("check-in opens an hour before the start and closes at the end / 签到时间为活动开始前 1 小时至结束", field: "/at")
        }
        return try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                var signup = try await SignUpRecord.query(on: db).filter(\.$activityID == activityID).filter(\.$volunteerID == volunteerID).first()
                if signup == nil, step == .checkIn, signUpIfNeeded { signup = try await signUp(volunteer, to: activity, at: time, on: db) }
                guard let found = signup, let signupID = found.id else {
                    throw Problem.conflict("the volunteer has not signed up / 该志愿者未报名此活动", field: "/volunteerId")
                }
                try await CommunityServicesQueries.lock(SignUpRecord.schema, id: signupID, on: db)
                guard let row = try await SignUpRecord.find(signupID, on: db) else { throw Problem.notFound("sign-up") }
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
                        try await PointsLedgerStore.earn(.service(minutes: minutes), volunteerID: volunteerID, community: activity.communityCode,
                                                         reference: signupID, at: time, on: db)
                    }
                    try await PointsLedgerStore.earn(.eventAttended, volunteerID: volunteerID, community: activity.communityCode,
                                                     reference: activityID, at: time, on: db)
                }
                try await row.update(on: db)
                return row
            }
        }
    }

    static func volunteer(_ id: UUID?, principal: Principal, _ req: Request) async throws -> VolunteerRecord {
        guard let id, let volunteer = try await VolunteerRecord.find(id, on: req.db), principal.canSee(divisionCode: volunteer.communityCode) else {
            throw Problem.invalid(field: "/volunteerId", "a volunteer registered in your division / 志愿者不存在或不在辖区内")
        }
        return volunteer
    }

    static func dtos(_ activities: [ActivityRecord], signups withSignups: Bool, _ req: Request) async throws -> [ActivityDTO] {
        let ids = activities.compactMap(\.id)
        let signups = ids.isEmpty ? [] : try await SignUpRecord.query(on: req.db).filter(\.$activityID ~~ ids).sort(\.$signedUpAt).all()
        let volunteerIDs = Array(Set(signups.map(\.volunteerID)))
        let names = !withSignups || volunteerIDs.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await VolunteerRecord.query(on: req.db)
            .filter(\.$id ~~ volunteerIDs).all().map { ($0.id ?? UUID(), $0.name) })
        return try activities.map { activity in
            let own = signups.filter { $0.activityID == activity.id }
            return ActivityDTO(
                id: try activity.requireID(), communityCode: activity.communityCode, title: activity.title, place: activity.place,
                startsAt: activity.startsAt, endsAt: activity.endsAt, capacity: activity.capacity, signedUp: own.count,
                checkInUrl: "/p/activity/\(activity.checkinCode)",
                signups: withSignups ? own.map {
                    SignUpDTO(volunteerId: $0.volunteerID, name: names[$0.volunteerID] ?? "", signedUpAt: $0.signedUpAt,
                              checkedInAt: $0.checkedInAt, checkedOutAt: $0.checkedOutAt, checkedBy: $0.checkedBy, minutes: $0.minutes)
                } : nil)
        }
    }
}
