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
        let volunteer = try await Self.volunteer(input.volunteerId, principal: principal, req)
        let at = input.at ?? req.lianxin.now()
        guard at <= req.lianxin.now().addingTimeInterval(300) else { throw Problem.invalid(field: "/at", "not in the future / 不能晚于当前时间") }
        _ = try await Self.record(
            action == "checkIn" ? .checkIn : .checkOut, volunteer: volunteer, activity: activity, at: at,
            by: "organiser", signUpIfNeeded: false, req)
        return try await Self.dtos([activity], signups: true, req)[0]
    }

    enum Attendance { case checkIn, checkOut }

    /// Checks the volunteer in or out of the activity; a check-out credits the session (rounded to quarter hours,
    /// at most 8 hours a day) and earns the hour and event points, all in one transaction.
    static func record(
        _ step: Attendance, volunteer: Volunteer, activity: Activity, at time: Date, by: String,
        signUpIfNeeded: Bool, _ req: Request
    ) async throws -> SignUp {
        let activityID = try activity.requireID(), volunteerID = try volunteer.requireID()
        if step == .checkIn, time < activity.startsAt.addingTimeInterval(-earlyCheckIn) || time > activity.endsAt {
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

    static func volunteer(_ id: UUID?, principal: Principal, _ req: Request) async throws -> Volunteer {
        guard let id, let volunteer = try await Volunteer.find(id, on: req.db), principal.canSee(divisionCode: volunteer.communityCode) else {
            throw Problem.invalid(field: "/volunteerId", "a volunteer registered in your division / 志愿者不存在或不在辖区内")
        }
        return volunteer
    }
}
