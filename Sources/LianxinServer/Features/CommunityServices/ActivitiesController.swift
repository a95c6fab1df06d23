import Vapor
import Fluent
import LianxinCore

/// Volunteer activities: creation, sign-up (up to the capacity), check-in and check-out by the organiser or by the
/// activity's QR code; a check-out credits the service time and earns the hour and event points.
struct ActivitiesController: RouteCollection {

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("volunteer-activities", use: list)
        api.post("volunteer-activities", use: create)
        api.get("volunteer-activities", ":id", use: show)
        api.post("volunteer-activities", ":id", "signups", use: signUp)
        api.post("volunteer-activities", ":id", "attendance", use: attendance)
    }
}
