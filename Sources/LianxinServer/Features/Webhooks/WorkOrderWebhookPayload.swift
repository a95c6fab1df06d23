import Vapor
import Fluent
import Crypto
import LianxinCore

/// What a subscriber receives for a work-order event.
struct WorkOrderWebhookPayload: Encodable {
    var event: String
    var orderId: UUID
    var number: String
    var status: String
    var departmentId: UUID?
    var divisionCode: String
    var at: Date
    var note: String?
}
