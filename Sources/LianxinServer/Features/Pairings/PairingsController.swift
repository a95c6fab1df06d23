import Vapor
import Fluent
import LianxinCore

/// Grid clusters (片区) and pairings: party members with 10–20 households (党员联户), cadres with
/// natural villages or communities (群众贴心人), leaders with grid clusters (领导包片), and the
/// coverage report that lists who is left without one.
struct PairingsController: RouteCollection {
    /// Households a party member is paired with: at most this many (the seeds' 10–20).
    static let householdsPerPartyMember = 10...20

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("grid-clusters", use: clusters)
        api.post("grid-clusters", use: createCluster)
        api.get("pairings", use: list)
        api.post("pairings", use: create)
        api.post("pairings", ":id", "end", use: end)
        api.get("pairing-coverage", use: coverage)
    }
}
