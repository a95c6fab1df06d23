import Vapor
import Fluent
import Crypto
import LianxinCore

/// The visit rules per resident tag.
extension VisitsController {
    func rules(req: Request) async throws -> [RuleDTO] {
        // Configuration, no one's personal data: every staff member may read it; the deployment's
        // administrator changes it.
        _ = try req.requirePrincipal()
        return try await VisitRuleRecord.query(on: req.db).sort(\.$id).all().map { RuleDTO(tag: $0.id ?? "", cadence: $0.cadence) }
    }

    struct RuleInput: Content { var cadence: String? }

    /// Sets a tag's cadence (`*` for every household); audited.
    func putRule(req: Request) async throws -> RuleDTO {
        let principal = try await req.requireReferenceAuthority(.manageRules)
        guard let tag = req.parameters.get("tag") else { throw Problem.notFound("tag") }
        let known = try await ResidentTagRecord.find(tag, on: req.db) != nil
        guard tag == "*" || known else { throw Problem.notFound("tag") }
        guard let text = try req.content.decode(RuleInput.self).cadence, VisitCadence(text: text) != nil else {
            throw Problem.invalid(field: "/cadence", "daily, weekly, monthly, every:N or onChange")
        }
        let rule =
            try await VisitRuleRecord.find(tag, on: req.db)
            ?? {
                let rule = VisitRuleRecord()
                rule.id = tag
                return rule
            }()
        rule.cadence = text
        rule.updatedAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await rule.save(on: req.db) }
        await req.audit(.settingsChanged, result: .success, target: "visit-rule:\(tag)", detail: text, actor: principal.auditActor)
        return RuleDTO(tag: tag, cadence: text)
    }
}
