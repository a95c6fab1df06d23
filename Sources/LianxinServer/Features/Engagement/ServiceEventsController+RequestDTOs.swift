import Vapor
import Fluent
import LianxinCore

/// The requests collected at an event, as the endpoints accept and answer them.
extension ServiceEventsController {
    struct RequestInput: Content {
        /// The day of the sitting (`YYYY-MM-DD`, default today); the event must take place that day.
        var heldOn: String?
        var stallId: UUID?
        var description: String?
        /// solvedOnSite (with `result`) or workOrder (with `categoryCode`).
        var outcome: String?
        var result: String?
        var categoryCode: String?
        var requesterName: String?
        var requesterPhone: String?
    }

    struct RequestDTO: Content {
        var id: UUID
        var heldOn: String
        var stallId: UUID?
        var stallName: String?
        var description: String
        var outcome: String
        var result: String?
        var orderId: UUID?
        var orderNumber: String?
        var createdAt: Date
    }

    struct RequestList: Content {
        var tally: TallyDTO
        var items: [RequestDTO]
    }
}
