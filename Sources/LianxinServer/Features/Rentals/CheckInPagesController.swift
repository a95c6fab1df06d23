import Vapor
import Fluent
import LianxinCore

/// The public pages under /p/ that a QR code opens: the tenant's check-in form and the landlord's
/// list of current tenants with check-out. No account: the unit's random code and the landlord's
/// link token are the only keys. Forms carry the pre-login CSRF token (double-submit cookie).
struct CheckInPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("p")
        pages.get("checkin", ":code", use: form)
        pages.post("checkin", ":code", use: submit)
        pages.get("landlord", ":token", use: landlord)
        pages.post("landlord", ":token", "tenancies", ":id", "checkout", use: checkOut)
    }
}
