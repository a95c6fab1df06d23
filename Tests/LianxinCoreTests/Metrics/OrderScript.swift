import Foundation
@testable import LianxinCore

/// One order driven through the real state machine at given Beijing times, its clocks and fact kept up as the
/// server keeps them: event by event.
struct OrderScript {
    typealias F = MetricsFixture

    private(set) var state: WorkOrderState
    private(set) var events: [WorkOrderEvent]
    private(set) var clocks = WorkOrderClocks()
    private(set) var fact: OrderFact
    let policy: SLAPolicy
    let calendar: WorkCalendar

    init(
        _ id: UUID, createdAt time: String, dimensions: OrderDimensions = F.dimensions(),
        policy: SLAPolicy = F.policy, calendar: WorkCalendar = .china
    ) throws {
        let transition = try WorkOrderMachine.create(WorkOrderIntake(orderID: id), by: .resident(), at: F.at(time))
        state = transition.state
        events = [transition.event]
        self.policy = policy
        self.calendar = calendar
        clocks.apply(transition.event, policy: policy)
        fact = try OrderFact(created: transition.event, dimensions: dimensions, clocks: clocks, in: calendar)
    }

    /// Applies `action` by `actor` (by default the unit's handler) at `time`.
    mutating func callAsFunction(_ action: WorkOrderAction, by actor: WorkOrderActor? = nil, at time: String) throws {
        let transition = try WorkOrderMachine.apply(
            action, to: state, by: actor ?? F.handler(of: state.departmentID), at: F.at(time))
        record(transition)
    }

    /// Records a transition made outside the script, such as closing with the parent.
    mutating func record(_ transition: Transition) {
        state = transition.state
        events.append(transition.event)
        clocks.apply(transition.event, policy: policy)
        fact = fact.applying(transition.event, clocks: clocks, in: calendar)
    }

    /// Accepts at `time`, then dispatches to `unit` one minute later.
    mutating func receive(at time: String, dispatchingTo unit: UUID, at dispatchTime: String) throws {
        try self(.accept(note: nil), by: F.operatorStaff, at: time)
        try self(.dispatch(departmentID: unit, note: nil), by: F.dispatcher, at: dispatchTime)
    }

    /// The requester's verdict, recorded by an operator.
    mutating func revisit(_ satisfaction: Satisfaction, solved: Bool, at time: String) throws {
        try self(.revisit(Evaluation(satisfaction: satisfaction, solved: solved)), by: F.operatorStaff, at: time)
    }
}
