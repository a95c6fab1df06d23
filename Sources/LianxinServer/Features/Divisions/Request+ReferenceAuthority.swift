import Vapor
import LianxinCore

extension Request {
    /// The principal, if they hold `permission` and sit at the level that owns the data every
    /// division shares (SLA policies, the working calendar, assessment schemes, resident tags,
    /// visit cadences, the classifier): the division the deployment serves or above it. A county
    /// administrator of a city deployment may run their county, not change the city's rules; a
    /// denial is audited like any other and answered 403.
    func requireReferenceAuthority(_ permission: Permission) async throws -> Principal {
        let principal = try await require(permission)
        if let top = try await DivisionQueries.deploymentDivision(on: db), !principal.division.contains(top) {
            await audit(
                .permissionDenied, result: .denied, target: "\(method.rawValue) \(url.path)",
                detail: "needs \(permission.rawValue) at division \(top.value)")
            throw Problem.forbidden
        }
        return principal
    }
}
