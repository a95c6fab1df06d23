import Vapor
import Fluent
import LianxinCore

/// What the mediation endpoints answer with.
extension MediationController {
    struct PartyDTO: Content {
        var side: String
        var name: String
        var phone: String?
    }

    struct SessionDTO: Content {
        var heldAt: Date
        /// Beijing time, `yyyy-MM-dd HH:mm`.
        var heldAtText: String
        var place: String
        var note: String
    }

    struct CaseDTO: Content {
        var id: UUID
        var divisionCode: String
        var divisionName: String
        var gridCode: String?
        var disputeType: String
        var disputeTypeName: String
        var summary: String
        var receivedOn: String
        var parties: [PartyDTO]
        var mediators: [String]
        var sessions: [SessionDTO]
        var outcome: String?
        var outcomeName: String?
        var agreementText: String?
        var concludedOn: String?
        var petitionIds: [UUID]
    }

    struct RateDTO: Content {
        var key: String
        var name: String
        var concluded: Int
        var agreements: Int
        var open: Int
        var rate: Double?
        /// The rate as a percentage with one decimal, or — before any case is concluded.
        var percent: String
    }

    struct Rates: Content {
        var formula: String
        var mediators: [RateDTO]
        var communities: [RateDTO]
    }
}
