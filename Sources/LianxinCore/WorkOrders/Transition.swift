/// An accepted action: the event to append and the order's state after it.
public struct Transition: Sendable, Hashable {
    public let event: WorkOrderEvent
    public let state: WorkOrderState
}
