import Vapor
import Fluent
import LianxinCore

/// The mediation success rates per period.
extension MediationController {
    /// Success rates per mediator and per community of the cases in scope received in `from`…`to` (optional days).
    func rates(req: Request) async throws -> Rates {
        let principal = try await req.require(.handleDisputes)
        return try await MediationFigures.rates(principal, req)
    }

}
