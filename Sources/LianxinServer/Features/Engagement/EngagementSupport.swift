import Vapor
import Fluent
import LianxinCore

/// What the engagement controllers share: input checks that collect every problem, Beijing days,
/// scoped look-ups (out of scope answers 404) and filing a work order with channel `meeting`.
enum Engagement {
    /// Collects field problems so that every one is reported at once.
    struct Checks {
        var errors: [Problem.FieldError] = []

        mutating func fail(_ field: String, _ message: String) { errors.append(.init(field: "/" + field, message: message)) }

        /// The trimmed text, or a problem when it is not `range` characters long.
        mutating func text(_ value: String?, _ field: String, _ range: ClosedRange<Int>, _ label: String) -> String {
            let text = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            // NUL and other control characters are never meant and PostgreSQL refuses NUL in text.
            if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !["\n", "\r", "\t"].contains($0) }) {
                fail(field, "contains control characters / 含有无效的控制字符")
                return ""
            }
            if !range.contains(text.count) {
                fail(field, range.lowerBound == 0 ? "at most \(range.upperBound) characters / \(label)不超过 \(range.upperBound) 字"
                    : "\(range.lowerBound)–\(range.upperBound) characters / \(label)须为 \(range.lowerBound)–\(range.upperBound) 字")
            }
            return text
        }

        /// A value of `T` named by its raw value, or a problem listing the choices.
        mutating func choice<T: RawRepresentable & CaseIterable>(_ value: String?, _ field: String, default fallback: T? = nil) -> T?
        where T.RawValue == String {
            if value == nil || value == "", let fallback { return fallback }
            if let value, let chosen = T(rawValue: value) { return chosen }
            fail(field, "one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }

        /// The division to file under: the principal's own, or a given code inside it.
        mutating func division(_ text: String?, _ principal: Principal, on db: any Database) async throws -> DivisionCode {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return principal.division }
            guard let code = DivisionCode(text), principal.canSee(code) else {
                fail("divisionCode", "a division code inside your division / 超出您的管辖范围")
                return principal.division
            }
            guard try await Division.find(code.value, on: db) != nil else {
                fail("divisionCode", "unknown division / 区划不存在")
                return principal.division
            }
            return code
        }

        /// A `YYYY-MM-DD` day, or `fallback` when none is given.
        mutating func day(_ text: String?, _ field: String, default fallback: LocalDate) -> LocalDate {
            guard let text, !text.isEmpty else { return fallback }
            guard let day = LocalDate(iso: text) else {
                fail(field, "a day as YYYY-MM-DD / 日期格式应为 YYYY-MM-DD")
                return fallback
            }
            return day
        }

        /// A phone number in normal form, nil when none is given.
        mutating func phone(_ text: String?, _ field: String) -> PhoneNumber? {
            guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            do { return try PhoneNumber(parsing: text) } catch {
                fail(field, "\(error.chineseMessage) / \(error.englishMessage)")
                return nil
            }
        }

        /// Throws the 422 with every problem, if any.
        func finish() throws { if !errors.isEmpty { throw Problem.invalid(errors) } }
    }

    /// The Beijing day of `instant`.
    static func day(_ instant: Date) -> LocalDate { LocalDate(instant, in: WorkCalendar.shanghai) }

    /// `yyyy-MM-dd HH:mm` in Beijing time.
    static func minute(_ date: Date) -> String { String(ChinaTime.minute(date).prefix(16)) }

    /// The language of the request for core texts.
    static func language(_ req: Request) -> DisplayLanguage { req.language == .en ? .en : .zhCN }

    /// The `id` path parameter as a UUID, or a 404.
    static func id(_ req: Request, _ name: String = "id", _ what: String) throws -> UUID {
        guard let id = req.parameters.get(name).flatMap(UUID.init(uuidString:)) else { throw Problem.notFound(what) }
        return id
    }

    /// A record of a division-scoped table that the principal may see, or an audited 404.
    static func scoped<M: Model>(_ type: M.Type, _ id: UUID, division: KeyPath<M, String>, _ what: String,
                                 _ principal: Principal, _ req: Request) async throws -> M where M.IDValue == UUID {
        guard let record = try await M.find(id, on: req.db) else { throw Problem.notFound(what) }
        guard principal.canSee(divisionCode: record[keyPath: division]) else {
            throw await req.outOfScope(what, target: "\(M.schema):\(id)")
        }
        return record
    }

    /// A core rule's refusal as a 409 (state) or 422 (data) naming `field`.
    static func refused(_ message: String, field: String, conflict: Bool) -> Problem {
        conflict ? Problem.conflict(message, field: field) : Problem.invalid(field: field, message)
    }

    /// Checks what a work order with channel `meeting` would be filed with; nothing is written.
    static func validateOrder(_ req: Request, _ principal: Principal, title: String, description: String, categoryCode: String?,
                              division: String, requesterName: String? = nil, requesterPhone: String? = nil) async throws -> ValidWorkOrder {
        let service = WorkOrderService(application: req.application, database: req.db)
        return try await service.validate(NewWorkOrder(
            title: String(title.prefix(200)), description: String(description.prefix(4000)), categoryCode: categoryCode,
            channel: LianxinCore.Channel.meeting.rawValue, requestKind: RequestKind.assistance.rawValue, divisionCode: division,
            requesterName: requesterName, requesterPhone: requesterPhone), scope: principal.division)
    }

    /// Files a checked order through the normal intake (routing, SLA clocks, numbering).
    static func file(_ order: ValidWorkOrder, _ req: Request, _ principal: Principal) async throws -> WorkOrder {
        guard principal.role.can(.createWorkOrders) else {
            await req.audit(.permissionDenied, result: .denied, target: "\(req.method.rawValue) \(req.url.path)", detail: "needs createWorkOrders")
            throw Problem.forbidden
        }
        return try await WorkOrderService(application: req.application, database: req.db)
            .create(order, by: principal.workOrderActor, idempotencyKey: nil).0
    }

    /// Query-string escaping for redirects with a notice.
    static func escaped(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
}

extension QueryBuilder {
    /// Rows whose division column lies in the principal's subtree.
    func inScope(_ field: KeyPath<Model, FieldProperty<Model, String>>, _ principal: Principal) -> Self {
        filter(field, .custom("LIKE"), principal.division.value + "%")
    }
}
