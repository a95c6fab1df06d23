import Vapor
import Fluent

/// The auditor's view of the chain: walked from the first entry, with where it first breaks.
extension AuditController {
    struct VerifyModel: Encodable, Sendable {
        let intact: Bool
        let checked: Int
        let finding: String
        let seq: String
        let entryID: String
    }

    func verifyPage(req: Request) async throws -> Response {
        _ = try await req.require(.readAuditLog)
        let result = try await AuditChain.verify(on: req.db)
        await req.audit(.auditVerified, result: result.intact ? .success : .failure, detail: result.finding.rawValue)
        return try await req.page(
            "audit/verify", title: "audit_verify_title",
            model: VerifyModel(
                intact: result.intact, checked: result.checked, finding: req.t("audit_verify_\(result.finding.rawValue)"),
                seq: result.seq.map(String.init) ?? "", entryID: result.entryID?.uuidString.lowercased() ?? ""))
    }
}
