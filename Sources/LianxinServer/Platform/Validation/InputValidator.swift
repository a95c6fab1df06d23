import Vapor

/// The one checker of form, query and JSON input. It collects every problem, each under its field's JSON pointer
/// (`/title`, `/parties/0/phone`), and `finish()` throws them together as one 422 problem. The standard checks take
/// their messages from the locale files (`validation_*` keys in `Resources/Locales/validation/`), shown as
/// "English / 中文" like every other field message; `fail` records a message a caller words itself.
struct InputValidator {
    private(set) var errors: [Problem.FieldError] = []
    private let texts: Localizer

    init(_ texts: Localizer) { self.texts = texts }

    init(_ req: Request) { self.init(req.lianxin.localizer) }

    /// Whether no problem has been recorded yet.
    var isValid: Bool { errors.isEmpty }

    /// Records `message` under `field`.
    mutating func fail(_ field: String, _ message: String) { errors.append(.init(field: field, message: message)) }

    /// Records `message` under `field` unless `condition` holds.
    mutating func expect(_ condition: Bool, _ field: String, _ message: String) {
        if !condition { fail(field, message) }
    }

    /// Records problems found by another check (such as the work-order intake's) beside this validator's own.
    mutating func record(_ problems: [Problem.FieldError]) { errors += problems }

    /// Records the locale text `key` (with `{name}` placeholders filled from `arguments`) under `field`.
    mutating func fail(_ field: String, key: String, _ arguments: [String: String] = [:]) {
        fail(field, message(key, arguments))
    }

    /// Throws the 422 with every problem, if any.
    func finish() throws { if !errors.isEmpty { throw Problem.invalid(errors) } }

    /// "English / 中文" for `key`, or the one text when both languages say the same.
    func message(_ key: String, _ arguments: [String: String] = [:]) -> String {
        func filled(_ language: Localizer.Language) -> String {
            arguments.reduce(texts.text(key, language)) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
        }
        let english = filled(.en), chinese = filled(.zhCN)
        return english == chinese ? english : "\(english) / \(chinese)"
    }

    /// Whether `text` has no control characters other than line breaks and tabs (PostgreSQL refuses NUL in text).
    static func isPlain(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.properties.generalCategory == .control && !["\n", "\r", "\t"].contains($0) }
    }
}
