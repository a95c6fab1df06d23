import Vapor
import Fluent
import SQLKit
import LianxinCore

/// A community-services table whose rows belong to one community (社区/村): staff see the rows of their division.
protocol CommunityScoped: Model where IDValue == UUID {
    var communityField: FieldProperty<Self, String> { get }
}

extension ServiceMenuItem: CommunityScoped { var communityField: FieldProperty<ServiceMenuItem, String> { $communityCode } }
extension ServiceOrder: CommunityScoped { var communityField: FieldProperty<ServiceOrder, String> { $communityCode } }
extension Wish: CommunityScoped { var communityField: FieldProperty<Wish, String> { $communityCode } }
extension Volunteer: CommunityScoped { var communityField: FieldProperty<Volunteer, String> { $communityCode } }
extension VolunteerTeam: CommunityScoped { var communityField: FieldProperty<VolunteerTeam, String> { $communityCode } }
extension Activity: CommunityScoped { var communityField: FieldProperty<Activity, String> { $communityCode } }
extension Merchant: CommunityScoped { var communityField: FieldProperty<Merchant, String> { $communityCode } }
extension MerchantGoods: CommunityScoped { var communityField: FieldProperty<MerchantGoods, String> { $communityCode } }
extension Exchange: CommunityScoped { var communityField: FieldProperty<Exchange, String> { $communityCode } }
extension ServiceStation: CommunityScoped { var communityField: FieldProperty<ServiceStation, String> { $communityCode } }

enum CommunityScope {
    /// `query` limited to the principal's division (and to one division of it when `community` is given).
    static func limit<M: CommunityScoped>(_ query: QueryBuilder<M>, to principal: Principal, community: String? = nil) throws -> QueryBuilder<M> {
        let scoped = query.inScope(\.communityField, principal)
        guard let community, !community.isEmpty else { return scoped }
        guard isCode(community), let code = DivisionCode(community) else {
            throw Problem.invalid(field: "community", "a division code of digits / 区划代码须为数字")
        }
        return scoped.within(\.communityField, code)
    }

    /// Whether `text` can be a division code (up to 12 digits); anything else is never looked up.
    static func isCode(_ text: String) -> Bool {
        (1...12).contains(text.count) && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The row with the id in the URL parameter `name`, or 404; a row outside the principal's division is an
    /// audited 404 as well.
    static func find<M: CommunityScoped>(
        _ type: M.Type, _ req: Request, _ principal: Principal, parameter name: String = "id",
        what: String, on db: (any Database)? = nil
    ) async throws -> M {
        guard let id = req.parameters.get(name).flatMap(UUID.init(uuidString:)), let row = try await M.find(id, on: db ?? req.db) else {
            throw Problem.notFound(what)
        }
        guard principal.canSee(divisionCode: row.communityField.value ?? "") else {
            throw await req.outOfScope(what, target: "\(what):\(id)")
        }
        return row
    }

    /// The community (社区 or 村) `code` names, when it exists and lies in the principal's division; otherwise
    /// the field error. Staff of one community may leave it out.
    static func community(_ code: String?, for principal: Principal, field: String = "/communityCode", on db: any Database) async throws -> Division {
        let text = code?.trimmingCharacters(in: .whitespaces) ?? ""
        let chosen = text.isEmpty && principal.division.level == .community ? principal.division.value : text
        guard isCode(chosen), let division = try await Division.find(chosen, on: db), division.level == DivisionLevel.community.rawValue,
            principal.canSee(divisionCode: chosen)
        else {
            throw Problem.invalid(field: field, "a community or village in your division / 须为您辖区内的社区或村")
        }
        return division
    }
}

/// Small formatting shared by the community pages.
enum CommunityFormat {
    /// `2025-03-06 14:00`, Beijing time.
    static func time(_ date: Date?) -> String {
        guard let date else { return "" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = WorkCalendar.shanghai
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// Reads `2025-03-06T14:00` (a datetime-local field, Beijing time) or an ISO 8601 instant.
    static func instant(_ text: String?) -> Date? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let date = ISO8601DateFormatter().date(from: text) { return date }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = WorkCalendar.shanghai
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    static func queryEscaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    /// The message of a failure a form shows, in the reader's language: its fields' messages, or its detail.
    static func message(_ problem: Problem, _ language: Localizer.Language) -> String {
        problem.errors.isEmpty ? problem.detail(language) : problem.errors.map { language.pick($0.message) }.joined(separator: "；")
    }
}

extension Request {
    /// The language as community texts know it.
    var displayLanguage: DisplayLanguage { language == .en ? .en : .zhCN }

    /// Runs a page form's action: on success redirects to `back` with `notice`; on a refusal (4xx other than 404)
    /// nothing was written and the page at `back` comes again with everything typed and each problem beside its field.
    func communityForm(back: String, _ action: () async throws -> String) async throws -> Response {
        let separator = back.contains("?") ? "&" : "?"
        do {
            let notice = try await action()
            return redirect(to: back + separator + "notice=" + CommunityFormat.queryEscaped(notice))
        } catch let problem as Problem
            where problem.status != .notFound && problem.status.code < 500 && problem.status != .unauthorized && problem.status != .forbidden
        {
            return try await sendBack(to: back, problem: problem)
        }
    }
}
