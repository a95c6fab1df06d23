import Foundation

/// A step of an order's life that another system's history records with a time (历史工单的环节时间).
public enum HistoryStep: String, Sendable, Hashable, CaseIterable {
    case received, dispatched, signed, completed, revisited, closed

    /// The step that must come before this one, if any.
    public var needs: HistoryStep? {
        switch self {
        case .received: nil
        case .dispatched: .received
        case .signed: .dispatched
        case .completed: .signed
        case .revisited, .closed: .completed
        }
    }
}

/// Why an order's step times cannot be a history.
public enum HistoryStepProblem: Sendable, Hashable {
    /// A step is given without the step it needs (办结 without 签收).
    case missingStep(HistoryStep, needs: HistoryStep)
    /// A step is earlier than a step before it.
    case beforeStep(HistoryStep, earlier: HistoryStep)
    /// A step lies after the moment of the import.
    case inFuture(HistoryStep)
    /// A revisit without an evaluation, or an evaluation without a revisit time.
    case evaluationWithoutRevisit
    case revisitWithoutEvaluation
}

/// The times of an order's steps in the previous system, its unit and its evaluation: what the history import
/// replays through `WorkOrderMachine`, so the events, clocks and facts are those the live flow would have written.
public struct HistorySteps: Sendable, Hashable {
    public var times: [HistoryStep: Date]
    public var evaluation: Evaluation?

    public init(times: [HistoryStep: Date], evaluation: Evaluation? = nil) {
        self.times = times
        self.evaluation = evaluation
    }

    /// Every problem of the times, in step order; empty when they make a history.
    public func problems(now: Date) -> [HistoryStepProblem] {
        var found: [HistoryStepProblem] = []
        var latest: (step: HistoryStep, at: Date)?
        for step in HistoryStep.allCases {
            guard let at = times[step] else { continue }
            if let needed = step.needs, times[needed] == nil {
                found.append(.missingStep(step, needs: needed))
            }
            if let latest, at < latest.at { found.append(.beforeStep(step, earlier: latest.step)) }
            if at > now { found.append(.inFuture(step)) }
            if latest.map({ at >= $0.at }) ?? true { latest = (step, at) }
        }
        if evaluation != nil && times[.revisited] == nil { found.append(.evaluationWithoutRevisit) }
        if evaluation == nil && times[.revisited] != nil { found.append(.revisitWithoutEvaluation) }
        return found
    }

    /// The actors of a replay: who took the order down and dispatched it, and the unit's handler.
    public struct Actors: Sendable {
        public let desk: WorkOrderActor
        public let dispatcher: WorkOrderActor
        public let handler: WorkOrderActor

        public init(desk: WorkOrderActor, dispatcher: WorkOrderActor, handler: WorkOrderActor) {
            self.desk = desk
            self.dispatcher = dispatcher
            self.handler = handler
        }
    }

    /// The notes a replay writes into the timeline, in the deployment's language.
    public struct Notes: Sendable {
        public let accepted: String
        public let completed: String
        public let closed: String

        public init(accepted: String, completed: String, closed: String) {
            self.accepted = accepted
            self.completed = completed
            self.closed = closed
        }
    }

    /// The transitions of the history, in order: created and accepted at the reception time, then each step
    /// given. A revisit's verdict stands (the old system decided about reopening), so a dissatisfied order
    /// may close. `departmentID` is the unit dispatched to; the times must have no `problems`.
    public func replay(
        orderID: UUID, intake: WorkOrderIntake, departmentID: UUID?, actors: Actors, notes: Notes
    ) throws(TransitionError) -> [Transition] {
        guard let received = times[.received] else { return [] }
        let rules = WorkOrderRules(revisitReopens: false)
        var transitions = [try WorkOrderMachine.create(intake, by: actors.desk, at: received)]
        func step(_ action: WorkOrderAction, by actor: WorkOrderActor, at time: Date) throws(TransitionError) {
            let transition = try WorkOrderMachine.apply(action, to: transitions[transitions.count - 1].state, by: actor, at: time, rules: rules)
            transitions.append(transition)
        }
        try step(.accept(note: notes.accepted), by: actors.desk, at: received)
        if let at = times[.dispatched], let departmentID {
            try step(.dispatch(departmentID: departmentID, note: nil), by: actors.dispatcher, at: at)
        }
        if let at = times[.signed] { try step(.sign, by: actors.handler, at: at) }
        if let at = times[.completed] { try step(.complete(note: notes.completed, photoIDs: []), by: actors.handler, at: at) }
        if let at = times[.revisited], let evaluation { try step(.revisit(evaluation), by: actors.desk, at: at) }
        if let at = times[.closed] { try step(.close(note: notes.closed), by: actors.desk, at: at) }
        return transitions
    }
}
