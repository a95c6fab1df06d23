import Vapor
import Fluent
import LianxinCore

/// An activity's public page and its QR check-in.
extension CommunityPublicPagesController {
    struct ActivityModel: Encodable, Sendable {
        var code: String
        var title: String
        var place: String
        var when: String
        var notice: String?
        var error: String?
    }

    func activity(req: Request) async throws -> Response {
        let activity = try await Self.activity(req)
        return try await Self.activityPage(activity, notice: nil, error: nil, req)
    }

    static func activityPage(
        _ activity: Activity, notice: String?, error: String?, _ req: Request,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        try await req.page(
            "community/public-activity", title: "cs_checkin_title",
            model: ActivityModel(
                code: activity.checkinCode, title: activity.title, place: activity.place,
                when: CommunityFormat.time(activity.startsAt) + " – " + String(CommunityFormat.time(activity.endsAt).suffix(5)),
                notice: notice, error: error), status: status)
    }

    /// The volunteer scans the activity's QR code and gives their registered phone number: the first time checks
    /// them in (signing them up if there is room), the second time checks them out and credits the service.
    /// Only volunteers of the activity's own community are found: a phone registered elsewhere is
    /// answered like an unknown one, so no one can credit points to volunteers of other communities.
    func checkIn(req: Request) async throws -> Response {
        let activity = try await Self.activity(req)
        struct Form: Content { var phone: String? }
        let phone = try req.content.decode(Form.self).phone ?? ""
        guard let number = try? PhoneNumber(parsing: phone),
            let volunteer = try await Volunteer.query(on: req.db).filter(\.$phoneIndex == req.lianxin.cipher.blindIndex(number.value))
                .filter(\.$communityCode == activity.communityCode).first()
        else {
            return try await Self.activityPage(activity, notice: nil, error: req.t("cs_checkin_unknown"), req, status: .unprocessableEntity)
        }
        let existing = try await SignUp.query(on: req.db).filter(\.$activityID == activity.requireID()).filter(
            \.$volunteerID == volunteer.requireID()
        ).first()
        let step: ActivitiesController.Attendance = existing?.checkedInAt == nil ? .checkIn : .checkOut
        do {
            let row = try await ActivityService.record(
                step, volunteer: volunteer, activity: activity, at: req.lianxin.now(), by: "qr",
                signUpIfNeeded: true, req)
            let notice = step == .checkIn ? req.t("cs_checked_in") : req.t("cs_checked_out") + " \(row.minutes ?? 0) min"
            return try await Self.activityPage(activity, notice: PersonalDataMask.name(volunteer.name) + " · " + notice, error: nil, req)
        } catch let problem as Problem where problem.status == .conflict || problem.status == .unprocessableEntity {
            return try await Self.activityPage(activity, notice: nil, error: problem.detail, req, status: problem.status)
        }
    }

    static func activity(_ req: Request) async throws -> Activity {
        guard let code = req.parameters.get("code"), RentalCode.isWellFormed(code),
            let activity = try await Activity.query(on: req.db).filter(\.$checkinCode == code).first()
        else {
            throw Problem.notFound("activity")
        }
        return activity
    }
}
