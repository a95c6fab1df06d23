import Vapor
import Fluent

/// Reading who asked (the requester's name and phone, masked or not) is audited before it is shown.
extension WorkOrderLookup {
    /// Audits that `order`'s requester is shown to the caller; throws (and nothing is shown) when the
    /// entry cannot be written.
    static func auditRequesterShown(_ order: WorkOrder, _ req: Request, unmaskedFor reason: String? = nil) async throws {
        guard reason != nil || order.requesterName != nil || order.requesterPhoneCipher != nil else { return }
        try await req.auditDisclosure(
            reason == nil ? .personalDataViewed : .personalDataUnmasked, target: "work-order:\(order.number)",
            recordDivision: order.divisionCode, detail: reason ?? "requester \(req.method.rawValue) \(req.url.path)")
    }

    /// Audits a list page's requesters (masked): one entry per county the page's orders lie in, naming
    /// the orders (a page spans many communities; county auditors and above see the entry).
    static func auditRequestersShown(_ orders: [WorkOrder], _ req: Request) async throws {
        let shown = orders.filter { $0.requesterName != nil || $0.requesterPhoneCipher != nil }
        for (county, rows) in Dictionary(grouping: shown, by: { String($0.divisionCode.prefix(6)) }).sorted(by: { $0.key < $1.key }) {
            try await req.auditDisclosure(
                .personalDataViewed, target: "work-orders", recordDivision: county,
                detail: "requesters \(req.method.rawValue) \(req.url.path): \(rows.map(\.number).joined(separator: ","))")
        }
    }
}
