import Vapor
import Fluent
import LianxinCore

/// The data admins keep current: routing rules (category × division → department), SLA policies
/// and the holiday calendar (next year's State Council notice). Every change is audited.
struct RulesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("routing-rules", use: listRules)
        api.post("routing-rules", use: putRule)
        api.delete("routing-rules", ":id", use: deleteRule)
        api.get("sla-policies", use: listPolicies)
        api.put("sla-policies", ":code", use: putPolicy)
        api.get("calendar-days", use: listDays)
        api.post("calendar-days", use: importDays)
    }

    struct RuleDTO: Content {
        var id: UUID?
        var categoryCode: String?
        var divisionCode: String?
        var departmentCode: String?
    }

    func listRules(req: Request) async throws -> [RuleDTO] {
        _ = try await req.require(.manageRules)
        return try await RoutingRule.query(on: req.db).sort(\.$categoryCode).sort(\.$divisionCode).all().map {
            RuleDTO(id: $0.id, categoryCode: $0.categoryCode, divisionCode: $0.divisionCode, departmentCode: $0.departmentCode)
        }
    }

    /// Creates or replaces the rule for a category in a division.
    func putRule(req: Request) async throws -> RuleDTO {
        let principal = try await req.require(.manageRules)
        let input = try req.content.decode(RuleDTO.self)
        var checks = InputValidator(req)
        if try await input.categoryCode.asyncMap({ try await Category.find($0, on: req.db) }) == nil {
            checks.fail("/categoryCode", "unknown category / 事项分类不存在")
        }
        let division = input.divisionCode.flatMap(DivisionCode.init)
        var divisionExists = false
        if let division, principal.canSee(division) {
            divisionExists = try await Division.find(division.value, on: req.db) != nil
        }
        if !divisionExists {
            checks.fail("/divisionCode", "unknown division or outside your scope / 区划不存在或超出管辖范围")
        }
        let department = try await input.departmentCode.asyncMap { try await Department.query(on: req.db).filter(\.$code == $0).first() } ?? nil
        if department == nil { checks.fail("/departmentCode", "unknown department / 部门不存在") }
        guard checks.isValid, let category = input.categoryCode, let division, let department else { throw Problem.invalid(checks.errors) }
        let rule =
            try await RoutingRule.query(on: req.db).filter(\.$categoryCode == category).filter(\.$divisionCode == division.value).first()
            ?? RoutingRule(categoryCode: category, divisionCode: division.value, departmentCode: department.code)
        rule.departmentCode = department.code
        try await req.db.transaction { db in
            try await rule.save(on: db)
            try await AuditLog.record(
                .settingsChanged, result: .success, actor: principal.auditActor,
                target: "routing:\(category)@\(division.value)", ip: req.clientIP,
                detail: "department=\(department.code)", at: req.lianxin.now(), on: db)
        }
        req.lianxin.referenceCache.clear()
        return RuleDTO(id: rule.id, categoryCode: category, divisionCode: division.value, departmentCode: department.code)
    }

    func deleteRule(req: Request) async throws -> HTTPStatus {
        let principal = try await req.require(.manageRules)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let rule = try await RoutingRule.find(id, on: req.db), principal.canSee(divisionCode: rule.divisionCode)
        else {
            throw Problem.notFound("routing rule")
        }
        try await req.db.transaction { db in
            try await rule.delete(on: db)
            try await AuditLog.record(
                .settingsChanged, result: .success, actor: principal.auditActor,
                target: "routing:\(rule.categoryCode)@\(rule.divisionCode)", ip: req.clientIP,
                detail: "deleted", at: req.lianxin.now(), on: db)
        }
        req.lianxin.referenceCache.clear()
        return .noContent
    }

    func listPolicies(req: Request) async throws -> Response {
        _ = try req.requirePrincipal()
        let records = try await SLAPolicyRecord.query(on: req.db).sort(\.$id).all()
        let body = "[" + records.map(\.definition).joined(separator: ",") + "]"
        return Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(string: body))
    }

    /// Replaces (or adds) a policy; the body is checked by the domain's own decoder.
    func putPolicy(req: Request) async throws -> Response {
        let principal = try await req.requireReferenceAuthority(.manageRules)
        guard let code = req.parameters.get("code"), (1...64).contains(code.count) else { throw Problem.notFound("policy") }
        let policy: SLAPolicy
        do {
            policy = try JSONDecoder().decode(SLAPolicy.self, from: Data(buffer: req.body.data ?? ByteBuffer()))
        } catch let error as DecodingError {
            throw ProblemMiddleware.problem(from: error)
        } catch {
            throw Problem.invalid(field: "/stages", "\(error)")
        }
        guard policy.code == code else { throw Problem.invalid(field: "/code", "must equal the code in the path / 与路径中的编码不一致") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(policy), as: UTF8.self)
        let record = try await SLAPolicyRecord.find(code, on: req.db) ?? SLAPolicyRecord(code: code, name: policy.name, definition: json)
        record.name = policy.name
        record.definition = json
        try await req.db.transaction { db in
            try await record.save(on: db)
            try await AuditLog.record(
                .settingsChanged, result: .success, actor: principal.auditActor, target: "sla-policy:\(code)",
                ip: req.clientIP, at: req.lianxin.now(), on: db)
        }
        req.lianxin.referenceCache.clear()
        return Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(string: json))
    }

    struct DayDTO: Content {
        var day: String
        var kind: String
        var name: String?
    }

    func listDays(req: Request) async throws -> [DayDTO] {
        _ = try req.requirePrincipal()
        var query = CalendarDay.query(on: req.db)
        if let year = req.query[String.self, at: "year"] {
            guard year.count == 4, Int(year) != nil else { throw Problem.invalid(field: "year", "a year such as 2027 / 年份无效") }
            query = query.filter(\.$id, .custom("LIKE"), year + "-%")
        }
        return try await query.sort(\.$id).all().map { DayDTO(day: $0.id ?? "", kind: $0.kind, name: $0.name) }
    }

    /// Adds a holiday notice as text (`date,kind[,name]` lines, kind holiday|workday); the merged
    /// calendar must still be valid, or nothing is written.
    func importDays(req: Request) async throws -> [DayDTO] {
        let principal = try await req.requireReferenceAuthority(.manageRules)
        guard let text = req.body.string, !text.isEmpty else {
            throw Problem.invalid(field: "/", "the body is the notice as date,kind[,name] lines / 请求体为节假日安排文本")
        }
        let added: HolidaySchedule
        do { added = try HolidaySchedule(text: text) } catch {
            throw Problem.invalid(field: "/", "\(error.message(english: false)) / \(error.message(english: true))")
        }
        let current = try await ReferenceData.loadCalendar(on: req.db, restDayReceipt: req.lianxin.settings.restDayReceipt).schedule
        let merged = current.merging(added)
        do { _ = try WorkCalendar(schedule: merged) } catch {
            throw Problem.invalid(field: "/", "\(error.message(english: false)) / \(error.message(english: true))")
        }
        try await req.db.transaction { db in
            for entry in added.entries {
                let day = entry.date.description
                let row = try await CalendarDay.find(day, on: db) ?? CalendarDay(day: day, kind: entry.kind.rawValue, name: entry.name)
                row.kind = entry.kind.rawValue
                row.name = entry.name
                try await row.save(on: db)
            }
            try await AuditLog.record(
                .settingsChanged, result: .success, actor: principal.auditActor, target: "calendar",
                ip: req.clientIP, detail: "\(added.entries.count) days for \(added.years.sorted())", at: req.lianxin.now(), on: db)
        }
        req.lianxin.referenceCache.clear()
        return added.entries.map { DayDTO(day: $0.date.description, kind: $0.kind.rawValue, name: $0.name) }
    }
}
