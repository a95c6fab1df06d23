import Foundation

/// One immutable entry of an order's history (append-only): who did what, when, from which status to which.
public struct WorkOrderEvent: Sendable, Hashable, Codable {
    public let orderID: UUID
    /// 1 for `created`, then one more per event; the order's version after this event.
    public let sequence: Int
    public let kind: WorkOrderEventKind
    /// nil only for `created`.
    public let from: WorkOrderStatus?
    public let to: WorkOrderStatus
    public let actor: WorkOrderActor
    public let at: Date
    /// The human text: a note, or the reason an action required.
    public let note: String?
    public let payload: WorkOrderEventPayload

    public init(
        orderID: UUID, sequence: Int, kind: WorkOrderEventKind, from: WorkOrderStatus?, to: WorkOrderStatus,
        actor: WorkOrderActor, at: Date, note: String?, payload: WorkOrderEventPayload = WorkOrderEventPayload()
    ) {
        self.orderID = orderID
        self.sequence = sequence
        self.kind = kind
        self.from = from
        self.to = to
        self.actor = actor
        self.at = at
        self.note = note
        self.payload = payload
    }
}
