import Foundation

/// Builds the next event of one order and the state after it.
struct WorkOrderStep {
    let state: WorkOrderState
    let actor: WorkOrderActor
    let time: Date

    /// The transition for an event of `kind`; without `to` the status stays as it is.
    func record(
        _ kind: WorkOrderEventKind, to status: WorkOrderStatus? = nil, note: String? = nil,
        payload: WorkOrderEventPayload = WorkOrderEventPayload()
    ) -> Transition {
        let event = WorkOrderEvent(
            orderID: state.id, sequence: state.version + 1, kind: kind, from: state.status, to: status ?? state.status,
            actor: actor, at: time, note: note, payload: payload)
        return Transition(event: event, state: state.applying(event))
    }
}
