import Vapor
import Fluent
import LianxinCore

/// What the service-order endpoints accept and answer with.
extension ServiceOrdersController {
    struct ItemInput: Content {
        var communityCode: String?
        var name: String?
        var description: String?
    }

    struct ItemDTO: Content {
        var id: UUID
        var communityCode: String
        var name: String
        var description: String
        var active: Bool
    }

    struct EventDTO: Content {
        var sequence: Int
        var action: String
        var fromStatus: String?
        var toStatus: String
        var actor: String
        var volunteerId: UUID?
        var note: String?
        var at: Date
    }

    struct OrderDTO: Content {
        var id: UUID
        var trackingCode: String
        var communityCode: String
        var itemId: UUID
        var itemName: String
        var residentName: String
        /// Masked (138****5678).
        var phone: String
        var address: String
        var note: String
        var status: String
        var statusTitle: String
        var volunteerId: UUID?
        var volunteerName: String?
        var source: String
        var completionNote: String?
        var satisfaction: String?
        var solved: Bool?
        var comment: String?
        var createdAt: Date
        var updatedAt: Date
        var events: [EventDTO]?
    }

    /// What the resident sees with the tracking code: no staff or volunteer names, personal data masked.
    struct PublicOrderDTO: Content {
        var trackingCode: String
        var itemName: String
        var residentName: String
        var status: String
        var statusTitle: String
        var canEvaluate: Bool
        var satisfaction: String?
        var createdAt: Date
        var history: [PublicStep]
    }

    struct PublicStep: Content { var action: String; var status: String; var at: Date }
}
