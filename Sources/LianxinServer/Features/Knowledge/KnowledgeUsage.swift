import Fluent
import Foundation
import SQLKit
import LianxinCore

/// How the knowledge base is used at the desk: each order answered from an entry counts once for it, and the orders
/// answered and closed on the call (直接办结) are counted from their events.
enum KnowledgeUsage {
    /// One more order answered from the entry (inside the transition's transaction).
    static func recordAnswer(_ entryID: UUID, on db: any Database) async throws {
        try await db.sql.raw(
            "UPDATE \(ident: KnowledgeEntry.schema) SET answered_count = answered_count + 1 WHERE id = \(bind: entryID)"
        ).run()
    }

    /// Orders of `division`'s subtree answered and closed on the call (直接办结) between `from` and `to`, and how many of
    /// them were answered from a knowledge entry.
    static func directAnswers(within division: DivisionCode, from: Date, to: Date, on db: any Database) async throws -> (all: Int, fromKnowledge: Int)
    {
        let rows = try await db.sql.raw(
            """
            SELECT e.event AS event FROM \(ident: WorkOrderEventRecord.schema) e JOIN \(ident: WorkOrder.schema) o ON o.id = e.order_id
            WHERE e.kind = \(bind: WorkOrderEventKind.answeredDirectly.rawValue) AND e.at >= \(bind: from) AND e.at < \(bind: to)
            AND \(DivisionScope.sql("o", "division_code", within: division))
            """
        ).all()
        var fromKnowledge = 0
        let decoder = WorkOrderService.decoder
        for row in rows {
            let event = try decoder.decode(WorkOrderEvent.self, from: Data(try row.decode(column: "event", as: String.self).utf8))
            if event.payload.knowledgeEntryID != nil { fromKnowledge += 1 }
        }
        return (rows.count, fromKnowledge)
    }
}
