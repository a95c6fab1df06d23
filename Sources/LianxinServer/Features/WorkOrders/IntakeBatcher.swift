import Vapor
import Fluent
import SQLKit
import LianxinCore
import NIOConcurrencyHelpers

/// Group commit for intake. Each new order is prepared in memory (row, events, alerts); the
/// batcher writes whatever has queued up meanwhile in one transaction — numbers drawn with one
/// counter update, the rows with one multi-row INSERT per table — and answers every waiting
/// request only after that transaction has committed. Under load many orders share one commit
/// (one fsync on SQLite); a lone order is written at once. If a batch fails (say an
/// idempotency-key collision), its orders are retried one by one, so each gets its own answer.
final class IntakeBatcher: Sendable {
    /// One order ready to be written.
    struct Item: Sendable {
        let row: WorkOrder
        let events: [WorkOrderEvent]
        let alerts: [SLAAlert]
        /// The work calendar the order's clocks were computed with (its rollup fact uses the same).
        let calendar: WorkCalendar
    }

    private struct Waiting: Sendable {
        let item: Item
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var queue: [Waiting] = []
        var flushing = false
    }

    /// The most orders one transaction writes (keeps each INSERT well under SQLite's variable limit).
    static let maximumBatch = 200

    private let state = NIOLockedValueBox(State())
    private let writes: WriteSerializer

    init(writes: WriteSerializer) { self.writes = writes }

    /// Writes `item` (assigning its number) and returns once it is committed.
    func submit(_ item: Item, on database: any Database) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let lead = state.withLockedValue { state -> Bool in
                state.queue.append(Waiting(item: item, continuation: continuation))
                if state.flushing { return false }
                state.flushing = true
                return true
            }
            if lead {
                // The first submitter of an idle batcher flushes until the queue is empty; requests
                // arriving meanwhile wait for the next batch.
                Task { await self.drain(on: database) }
            }
        }
    }

    private func drain(on database: any Database) async {
        while true {
            let batch = state.withLockedValue { state -> [Waiting] in
                let batch = Array(state.queue.prefix(Self.maximumBatch))
                state.queue.removeFirst(batch.count)
                if batch.isEmpty { state.flushing = false }
                return batch
            }
            if batch.isEmpty { return }
            do {
                try await writes.run { try await database.transaction { db in try await Self.write(batch.map(\.item), on: db) } }
                for waiting in batch { waiting.item.row._$idExists = true; waiting.continuation.resume() }
            } catch {
                if batch.count == 1 {
                    batch[0].continuation.resume(throwing: error)
                    continue
                }
                for waiting in batch {
                    do {
                        try await writes.run { try await database.transaction { db in try await Self.write([waiting.item], on: db) } }
                        waiting.item.row._$idExists = true
                        waiting.continuation.resume()
                    } catch {
                        waiting.continuation.resume(throwing: error)
                    }
                }
            }
        }
    }

    /// Numbers, orders, events (with their webhook outbox rows) and alerts of `items`, in the caller's transaction.
    private static func write(_ items: [Item], on db: any Database) async throws {
        let byDay = Dictionary(grouping: items.indices) { WorkCalendar.china.day(of: items[$0].row.createdAt) }
        for (day, indices) in byDay.sorted(by: { $0.key < $1.key }) {
            let numbers = try await WorkOrderService.nextNumbers(count: indices.count, day: day, on: db)
            for (index, number) in zip(indices, numbers) { items[index].row.number = number }
        }
        let sql = db.sql
        try await sql.insertRows(into: WorkOrder.schema, columns: WorkOrder.insertColumns, items.map(\.row.insertValues))
        var records: [WorkOrderEventRecord] = []
        var hooks: [(kind: String, payload: WorkOrderWebhookPayload)] = []
        for item in items {
            for event in item.events {
                records.append(try WorkOrderService.record(of: event))
                hooks.append(WorkOrderService.webhook(of: event, order: item.row))
            }
        }
        try await sql.insertRows(into: WorkOrderEventRecord.schema, columns: WorkOrderEventRecord.insertColumns, records.map(\.insertValues))
        for alert in items.flatMap(\.alerts) where alert.id == nil { alert.id = UUID() }
        try await sql.insertRows(into: SLAAlert.schema, columns: SLAAlert.insertColumns, items.flatMap(\.alerts).map(\.insertValues))
        try await WebhookDispatcher.enqueue(hooks, on: db, now: items[0].row.createdAt)
        try await RollupStore.recordCreated(items.map { ($0.row, $0.events, $0.calendar) }, on: db)
    }
}
