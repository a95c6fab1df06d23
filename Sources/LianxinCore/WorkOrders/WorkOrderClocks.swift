import Foundation

/// All stage clocks of one order under its policy, kept as data: running ones and the finished history.
public struct WorkOrderClocks: Sendable, Hashable, Codable {
    /// Every clock started for the order, oldest first; discarded ones are removed.
    public private(set) var clocks: [SLAClock]

    public init(clocks: [SLAClock] = []) {
        self.clocks = clocks
    }

    /// The clock of `stage` still counting or paused, if any.
    public func running(_ stage: SLAStage) -> SLAClock? {
        clocks.last { $0.stage == stage && $0.isRunning }
    }

    /// Applies `event`'s clock effects; stages `policy` does not time are skipped.
    public mutating func apply(_ event: WorkOrderEvent, policy: SLAPolicy) {
        for effect in event.clockEffects {
            switch effect {
            case .start(let stage):
                clocks.removeAll { $0.stage == stage && $0.isRunning }
                if let limit = policy.limit(for: stage) ?? StageLimit.fallback(for: stage) { clocks.append(SLAClock(limit, startedAt: event.at)) }
            case .stop(let stage):
                update(stage) { $0.stop(at: event.at) }
            case .discard(let stage):
                clocks.removeAll { $0.stage == stage && $0.isRunning }
            case .pauseAll:
                for index in clocks.indices where clocks[index].isRunning { clocks[index].pause(at: event.at) }
            case .resumeAll:
                for index in clocks.indices where clocks[index].isRunning { clocks[index].resume(at: event.at) }
            case .extend(let stage, let extra):
                update(stage) { $0.extend(by: extra) }
            }
        }
    }

    private mutating func update(_ stage: SLAStage, _ change: (inout SLAClock) -> Void) {
        guard let index = clocks.lastIndex(where: { $0.stage == stage && $0.isRunning }) else { return }
        change(&clocks[index])
    }
}
