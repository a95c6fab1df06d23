import Fluent
import Foundation
import LianxinCore

/// Reads a message's phone from the row it belongs to, at send time: the requester's from the order,
/// a liaison's from the unit's liaisons, a test message's from the outbox. A requester who opted out
/// in the meantime gets nothing.
enum NotificationRecipients {
    static func phone(of row: OutboxMessage, context: LianxinContext, on db: any Database) async throws -> String? {
        switch row.recipientKind {
        case "requester":
            guard let orderID = row.orderID, let order = try await WorkOrder.find(orderID, on: db), let sealed = order.requesterPhoneCipher else {
                return nil
            }
            if let index = order.requesterPhoneIndex, try await NotificationOptOut.query(on: db).filter(\.$phoneIndex == index).first() != nil {
                return nil
            }
            return try context.cipher.open(sealed, for: .workOrderRequesterPhone, row: orderID)
        case "liaison":
            guard let id = UUID(uuidString: row.recipient), let liaison = try await DepartmentLiaison.find(id, on: db) else { return nil }
            return try context.cipher.open(liaison.phoneCipher, for: .departmentLiaisonPhone, row: id)
        case "phone":
            guard let sealed = row.phoneCipher else { return nil }
            return try context.cipher.open(sealed, for: .outboxPhone, row: try row.requireID())
        default:
            return nil
        }
    }
}
