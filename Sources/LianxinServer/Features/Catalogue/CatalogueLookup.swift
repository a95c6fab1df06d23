import Vapor
import Fluent
import LianxinCore

/// What the catalogue's API and pages share: finding a category named in the path, and writing role
/// mappings with their audit entries.
enum CatalogueLookup {
    static func find(_ req: Request) async throws -> Category {
        guard let code = req.parameters.get("code"), UnitChecks.isCode(code), let category = try await Category.find(code, on: req.db) else {
            throw Problem.notFound("category")
        }
        return category
    }

    static func writeRoles(_ entries: [RoleMapping.Entry], principal: Principal, _ req: Request) async throws {
        let context = req.lianxin
        let (actor, ip, now) = (principal.auditActor, req.clientIP, context.now())
        try await context.writes.run {
            try await req.db.transaction { db in
                try await RoleMapping(database: db, principal: principal).write(entries)
                for entry in entries {
                    try await AuditLog.record(
                        .settingsChanged, result: .success, actor: actor, target: "role:\(entry.role)@\(entry.divisionCode)",
                        recordDivision: entry.divisionCode, ip: ip, detail: "unit=\(entry.departmentCode ?? "")", at: now, on: db)
                }
            }
        }
        context.referenceCache.clear()
    }
}
