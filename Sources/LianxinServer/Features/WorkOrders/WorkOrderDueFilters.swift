import Foundation
import Fluent
import SQLKit
import LianxinCore

/// The query form of `DueStatus`: every list of overdue or due-soon orders (督办, the order list, the queue,
/// the home pages, the API) filters with these, so they count the same orders at the same moment.
extension QueryBuilder where Model == WorkOrder {
    /// Open orders past a running deadline at `now`.
    func overdue(at now: Date) -> Self {
        filter(\.$overdueAfter != nil).filter(\.$overdueAfter < now)
    }

    /// Open orders not yet overdue at `now` and due within `DueStatus.soonWindow`.
    func dueSoon(at now: Date) -> Self {
        let range = DueStatus.soonRange(at: now)
        return filter(\.$overdueAfter != nil).filter(\.$overdueAfter >= range.lowerBound).filter(\.$overdueAfter <= range.upperBound)
    }

    /// The nearest deadline first, orders without a running deadline last (on both engines: SQLite puts NULL first,
    /// PostgreSQL last), then the oldest first.
    func nearestDeadlineFirst() -> Self {
        sort(.custom(SQLRaw("CASE WHEN overdue_after IS NULL THEN 1 ELSE 0 END"))).sort(\.$overdueAfter).sort(\.$createdAt)
    }

    /// Orders not overdue at `now` (on time, untimed or finished).
    func notOverdue(at now: Date) -> Self {
        group(.or) { $0.filter(\.$overdueAfter == nil).filter(\.$overdueAfter >= now) }
    }
}
