import Vapor
import Fluent
import LianxinCore

/// What the mediation endpoints accept.
extension MediationController {
    struct PartyInput: Content {
        var name: String?
        var phone: String?
        var side: String?
    }

    struct CaseInput: Content {
        var disputeType: String?
        var summary: String?
        var receivedOn: String?
        var divisionCode: String?
        var gridCode: String?
        var parties: [PartyInput]?
        var mediators: [String]?
        /// 访调融合: the petition this case takes over.
        var petitionId: UUID?
    }

    struct SessionInput: Content {
        var heldAt: Date?
        var place: String?
        var note: String?
    }

    struct ConcludeInput: Content {
        var outcome: String?
        var agreementText: String?
    }

    struct ReasonInput: Content { var reason: String? }
}
