import Vapor
import Fluent
import LianxinCore

/// 人民调解 under /api/v1/mediation-cases: dispute cases with their parties (names and phones encrypted,
/// masked unless unmasked with a reason), mediators, sessions and outcome, and the success rate per mediator and
/// per community. Reading a case and unmasking its parties are audited.
struct MediationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let cases = routes.grouped("api", "v1", "mediation-cases")
        cases.get(use: list)
        cases.post(use: create)
        cases.get(":id", use: show)
        cases.post(":id", "sessions", use: addSession)
        cases.post(":id", "conclude", use: conclude)
        cases.post(":id", "unmask", use: unmask)
        routes.get("api", "v1", "mediation-rates", use: rates)
    }

}
