extension WorkOrderMachine {
    /// The follow-ups of a parent's closing: each child still merged under it closes too (`closedWithParent`),
    /// at the same instant, by the system, so its requester can be told. Other events and other orders give none.
    public static func followUps(of parentEvent: WorkOrderEvent, children: [WorkOrderState]) -> [Transition] {
        guard [.closed, .closedWithParent, .answeredDirectly].contains(parentEvent.kind) else { return [] }
        return
            children
            .filter { $0.status == .merged && $0.parentID == parentEvent.orderID }
            .map { child in
                WorkOrderStep(state: child, actor: .system, time: parentEvent.at)
                    .record(.closedWithParent, to: .closed, payload: .init(parentID: parentEvent.orderID))
            }
    }
}
