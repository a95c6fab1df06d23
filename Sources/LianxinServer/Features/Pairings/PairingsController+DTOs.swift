import Vapor
import Fluent
import LianxinCore

/// What the pairing endpoints accept and answer with.
extension PairingsController {
    struct ClusterInput: Content {
        var code: String?
        var name: String?
        var gridCodes: [String]?
        var leaderId: UUID?
    }

    struct ClusterDTO: Content {
        var id: UUID
        var code: String
        var name: String
        var divisionCode: String
        var gridCodes: [String]
        var leaderId: UUID?
    }

    struct PairingInput: Content {
        var kind: String?
        var personName: String?
        var personId: UUID?
        /// Household ids (partyMember), division codes (cadre) or cluster ids (leader).
        var targets: [String]?
    }

    struct PairingDTO: Content {
        var id: UUID
        var kind: String
        var personName: String
        var personId: UUID?
        var target: String
        var divisionCode: String
        var validFrom: Date
        var validTo: Date?
    }

    struct CommunityCoverage: Content {
        var communityCode: String
        var households: Int
        var pairedHouseholds: Int
        /// pairedHouseholds ÷ households.
        var coverage: Double?
        /// A few unpaired households (id and address), for the community to act on.
        var unpaired: [UnpairedHousehold]
        var hasCadre: Bool
    }

    struct UnpairedHousehold: Content { var householdId: UUID; var address: String }

    struct PartyMemberLoad: Content {
        var personName: String
        var households: Int
        /// Within 10–20 households.
        var withinRange: Bool
    }

    struct Coverage: Content {
        var communities: [CommunityCoverage]
        var partyMembers: [PartyMemberLoad]
        /// Clusters no leader is paired with.
        var clustersWithoutLeader: [String]
    }
}
