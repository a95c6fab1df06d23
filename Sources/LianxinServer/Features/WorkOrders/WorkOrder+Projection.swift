import Foundation
import LianxinCore

extension WorkOrder {
    /// Copies an order's state and clocks into the row's query columns. The row is a projection
    /// of the events: the service writes it on every step and the demo history writes it the same way.
    func project(_ state: WorkOrderState, clocks: WorkOrderClocks, calendar: WorkCalendar, now: Date) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601withFractions
        status = state.status.rawValue
        tier = state.tier.rawValue
        priority = state.priority.rawValue
        handlingLevel = state.handlingLevel.rawValue
        departmentID = state.departmentID
        assigneeID = state.assigneeID
        parentID = state.parentID
        supervisionLevel = state.supervisionLevel
        self.state = String(decoding: try encoder.encode(state), as: UTF8.self)
        self.clocks = String(decoding: try encoder.encode(clocks), as: UTF8.self)
        projectedClocks = clocks
        let running = clocks.clocks.filter(\.isRunning)
        nextDueAt = running.map { $0.due(asOf: now, in: calendar) }.min()
        overdue = !state.isShelved && running.contains { $0.status(at: now, in: calendar) == .breached }
        overdueAfter = DueStatus.overdueAfter(of: clocks.clocks, at: now, in: calendar, status: state.status)
        version = state.version
        updatedAt = now
    }
}
