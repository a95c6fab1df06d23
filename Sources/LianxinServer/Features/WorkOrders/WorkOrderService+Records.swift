import Vapor
import Fluent
import SQLKit
import LianxinCore

extension WorkOrderService {
    /// `count` consecutive `YYYYMMDD` + 6-digit numbers of `day`, unique under concurrency on both
    /// engines: the day's counter moves by `count` in one atomic upsert (INSERT … ON CONFLICT … RETURNING).
    static func nextNumbers(count: Int, day: LocalDate, on db: any Database) async throws -> [String] {
        let last = try await WorkOrderQueries.reserveNumbers(count, day: String(day.description.filter(\.isNumber)), on: db)
        return try (last - count + 1...last).map { sequence in
            guard let number = WorkOrderNumber(day: day, sequence: sequence) else {
                throw Problem(
                    .serviceUnavailable, type: "capacity", title: "Too many orders today",
                    detail: "The daily order number range is used up / 当日工单编号已用尽")
            }
            return number.description
        }
    }

    static func newTrackingCode() -> String {
        var generator = SystemRandomNumberGenerator()
        return TrackingCode.generate(using: &generator)
    }

    static func decodeState(_ row: WorkOrder) throws -> WorkOrderState {
        try decoder.decode(WorkOrderState.self, from: Data(row.state.utf8))
    }

    static func decodeClocks(_ row: WorkOrder) throws -> WorkOrderClocks {
        if let clocks = row.projectedClocks { return clocks }
        return try decoder.decode(WorkOrderClocks.self, from: Data(row.clocks.utf8))
    }

    static func decodeEvent(_ record: WorkOrderEventRecord) throws -> WorkOrderEvent {
        try decoder.decode(WorkOrderEvent.self, from: Data(record.event.utf8))
    }
}
