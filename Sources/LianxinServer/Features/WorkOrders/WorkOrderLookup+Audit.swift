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
}
