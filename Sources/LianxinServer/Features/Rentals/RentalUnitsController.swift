import Vapor
import Fluent
import LianxinCore

/// Rental units for staff (manage residents; scoped like the registry, out of scope is 404):
/// create one with its landlord (the landlord's link is shown once), list, show with current
/// tenants (masked), and its QR code as PNG or SVG, encoded here.
struct RentalUnitsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let units = routes.grouped("api", "v1", "rental-units")
        units.get(use: list)
        units.post(use: create)
        units.get(":id", use: show)
        units.get(":id", "qr.png", use: png)
        units.get(":id", "qr.svg", use: svg)
    }
}
