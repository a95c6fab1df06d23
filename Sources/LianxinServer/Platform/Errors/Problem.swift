import Vapor

/// An error that reports itself as RFC 9457 problem details, naming the fields at fault.
public struct Problem: Error, AbortError, Sendable {
    /// One invalid field: a JSON-pointer-like path and what is wrong with it. In a problem body it reads
    /// `{"pointer": "/phone", "detail": "请填写11位手机号码", …}`: `detail` in the reader's language only;
    /// `field` and `message` repeat the two for clients written before #18.
    public struct FieldError: Content, Sendable, Equatable {
        public var field: String
        public var message: String
        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }

        enum CodingKeys: String, CodingKey { case pointer, detail, field, message }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            field = try container.decodeIfPresent(String.self, forKey: .pointer) ?? container.decode(String.self, forKey: .field)
            message = try container.decodeIfPresent(String.self, forKey: .detail) ?? container.decode(String.self, forKey: .message)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(field, forKey: .pointer)
            try container.encode(message, forKey: .detail)
            try container.encode(field, forKey: .field)
            try container.encode(message, forKey: .message)
        }

        /// This error in `language` only (the generic "please check this field" when the message has no such part).
        func localized(_ language: Localizer.Language, _ texts: Localizer) -> FieldError {
            FieldError(field: field, message: language.pick(message, otherwise: texts.text("problem_field_invalid", language)))
        }
    }

    public var status: HTTPResponseStatus
    public var type: String
    public var title: String
    public var detail: String
    public var errors: [FieldError]

    public init(_ status: HTTPResponseStatus, type: String, title: String, detail: String, errors: [FieldError] = []) {
        self.status = status
        self.type = type
        self.title = title
        self.detail = detail
        self.errors = errors
    }

    public var reason: String { detail }

    /// This problem as a reader of `language` sees it: title, detail and every field message in that language only.
    func localized(_ language: Localizer.Language, _ texts: Localizer) -> Problem {
        let titleKey = "problem_title_\(type)"
        let shownTitle =
            texts.text(titleKey, language) == titleKey
            ? language.pick(title, otherwise: texts.text("problem_title_other", language)) : texts.text(titleKey, language)
        return Problem(
            status, type: type, title: shownTitle, detail: language.pick(detail, otherwise: shownTitle),
            errors: errors.map { $0.localized(language, texts) })
    }

    /// A 422 naming one or more invalid fields.
    public static func invalid(_ errors: [FieldError], detail: String = "Some fields are invalid / 部分字段无效") -> Problem {
        Problem(.unprocessableEntity, type: "validation", title: "Invalid input", detail: detail, errors: errors)
    }

    /// A 422 naming one invalid field.
    public static func invalid(field: String, _ message: String) -> Problem {
        invalid([FieldError(field: field, message: message)], detail: message)
    }

    /// The record does not exist or lies outside the caller's scope (the two are not told apart).
    public static func notFound(_ what: String = "record") -> Problem {
        Problem(.notFound, type: "not-found", title: "Not found", detail: "No such \(what) / 记录不存在")
    }

    /// The caller's role may not do this.
    public static let forbidden = Problem(
        .forbidden, type: "forbidden", title: "Forbidden",
        detail: "Your role may not do this / 您的角色无权执行此操作")

    /// The caller is not signed in.
    public static let unauthorized = Problem(
        .unauthorized, type: "unauthorized", title: "Unauthorized",
        detail: "Sign in or present a valid API token / 请登录或提供有效的令牌")

    /// A conflict with the current state (illegal transition, duplicate).
    public static func conflict(_ detail: String, field: String? = nil) -> Problem {
        Problem(
            .conflict, type: "conflict", title: "Conflict", detail: detail,
            errors: field.map { [FieldError(field: $0, message: detail)] } ?? [])
    }
}

/// The JSON body of a problem response.
struct ProblemBody: Content {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var instance: String?
    var requestId: String?
    var errors: [Problem.FieldError]?
}
