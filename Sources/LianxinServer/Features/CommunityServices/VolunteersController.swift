import Vapor
import Fluent
import LianxinCore

/// Volunteers (registration, teams), their earn rules, balances and ledgers, rankings (最美志愿者) and the 双报到
/// report of in-service party members.
struct VolunteersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("volunteers", use: list)
        api.post("volunteers", use: register)
        api.get("volunteers", ":id", use: show)
        api.get("volunteer-teams", use: teams)
        api.post("volunteer-teams", use: addTeam)
        api.get("earn-rules", ":community", use: rules)
        api.put("earn-rules", ":community", use: setRules)
        api.get("volunteer-rankings", use: ranking)
        api.get("dual-check-in", use: dualCheckIn)
    }
}
