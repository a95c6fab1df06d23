import Vapor
import Fluent
import LianxinCore

/// What the volunteer endpoints accept and answer with.
extension VolunteersController {
    struct VolunteerInput: Content {
        var communityCode: String?
        var name: String?
        var phone: String?
        var teamId: UUID?
        var partyMember: Bool?
        /// An in-service party member (在职党员), who reports to `communityCode`, where they live.
        var inService: Bool?
        var workplace: String?
    }

    struct VolunteerDTO: Content {
        var id: UUID
        var communityCode: String
        var name: String
        var phone: String
        var teamId: UUID?
        var partyMember: Bool
        var inService: Bool
        var workplace: String?
        var registeredAt: Date
        var balance: Int
    }

    struct EntryDTO: Content { var amount: Int; var reason: String; var referenceId: UUID?; var at: Date }

    struct VolunteerDetail: Content {
        var volunteer: VolunteerDTO
        var serviceMinutes: Int
        var entries: [EntryDTO]
    }

    struct TeamInput: Content { var communityCode: String?; var name: String? }

    struct TeamDTO: Content { var id: UUID; var communityCode: String; var name: String; var members: Int }

    struct RulesDTO: Content {
        var communityCode: String
        var pointsPerServiceHour: Int
        var serviceRounding: String
        var pointsPerWish: Int
        var pointsPerEvent: Int
    }

    struct RankedDTO: Content { var rank: Int; var volunteerId: UUID; var name: String; var communityCode: String; var score: Int }

    struct RankingDTO: Content { var by: String; var from: String; var to: String; var items: [RankedDTO] }

    struct MissingMember: Content { var volunteerId: UUID; var name: String; var communityCode: String; var workplace: String? }

    struct DualCheckInDTO: Content { var quarter: String; var members: Int; var reported: Int; var missing: [MissingMember] }
}
