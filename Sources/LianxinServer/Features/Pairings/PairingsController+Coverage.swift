import Vapor
import Fluent
import LianxinCore

/// How many households of each community are paired.
extension PairingsController {
    /// Per community: households paired with a party member, the unpaired ones, whether a cadre is
    /// paired; party members outside 10–20 households; clusters without a leader.
    func coverage(req: Request) async throws -> Coverage {
        let principal = try await req.require(.viewResidents)
        let scope = try await req.registryScope(principal)
        let households = try await scope.limit(Household.query(on: req.db)).all()
        let pairings = try await Pairing.query(on: req.db).inScope(\.$divisionCode, principal)
            .filter(\.$validTo == nil).all()
        let pairedHouseholds = Set(pairings.filter { $0.kind == "partyMember" }.map(\.target))
        let cadreTargets = pairings.filter { $0.kind == "cadre" }.map(\.target)
        var communities: [CommunityCoverage] = []
        for (community, members) in Dictionary(grouping: households, by: \.communityCode).sorted(by: { $0.key < $1.key }) {
            let unpaired = members.filter { !pairedHouseholds.contains($0.id?.uuidString ?? "") }
            communities.append(
                CommunityCoverage(
                    communityCode: community, households: members.count, pairedHouseholds: members.count - unpaired.count,
                    coverage: members.isEmpty ? nil : Double(members.count - unpaired.count) / Double(members.count),
                    unpaired: unpaired.sorted { $0.address < $1.address }.prefix(50).compactMap { household in
                        household.id.map { UnpairedHousehold(householdId: $0, address: household.address) }
                    },
                    hasCadre: cadreTargets.contains { community.hasPrefix($0) }))
        }
        let loads = Dictionary(grouping: pairings.filter { $0.kind == "partyMember" }, by: \.personName).map { name, rows in
            PartyMemberLoad(personName: name, households: rows.count, withinRange: Self.householdsPerPartyMember.contains(rows.count))
        }.sorted { $0.personName < $1.personName }
        let ledClusters = Set(pairings.filter { $0.kind == "leader" }.map(\.target))
        let clusters = try await GridCluster.query(on: req.db).inScope(\.$divisionCode, principal).all()
        return Coverage(
            communities: communities, partyMembers: loads,
            clustersWithoutLeader: clusters.filter { !ledClusters.contains($0.id?.uuidString ?? "") && $0.leaderID == nil }.map(\.code).sorted())
    }
}
