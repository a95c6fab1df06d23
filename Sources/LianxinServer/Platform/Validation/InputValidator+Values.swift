import Vapor
import Fluent
import LianxinCore

/// The standard checks: each returns the value to use (a harmless fallback on failure) and records any problem.
extension InputValidator {
    /// The trimmed text, with a problem when it holds control characters or is not `range` characters long.
    /// `label` names the field in the Chinese message ("信访事项须为 2–200 字"); without it the message is generic.
    mutating func text(_ value: String?, _ field: String, _ range: ClosedRange<Int>, label: String? = nil) -> String {
        let text = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard Self.isPlain(text) else {
            fail(field, key: "validation_control_characters")
            return ""
        }
        if !range.contains(text.count) {
            let bounds = ["min": "\(range.lowerBound)", "max": "\(range.upperBound)"]
            switch label {
            case nil: fail(field, key: "validation_length", bounds)
            case let label? where range.lowerBound == 0: fail(field, key: "validation_at_most_named", bounds.merging(["label": label]) { $1 })
            case let label?: fail(field, key: "validation_length_named", bounds.merging(["label": label]) { $1 })
            }
        }
        return text
    }

    /// An optional free text of at most `limit` characters, trimmed; nil when blank.
    mutating func optionalText(_ value: String?, _ field: String, limit: Int = 500) -> String? {
        let text = text(value, field, 0...limit)
        return text.isEmpty ? nil : text
    }

    /// An optional free text checked on its own: throws the 422 naming `field` at once.
    static func optionalText(_ value: String?, _ field: String, limit: Int = 500, _ texts: Localizer) throws -> String? {
        var validator = InputValidator(texts)
        let text = validator.optionalText(value, field, limit: limit)
        try validator.finish()
        return text
    }

    /// A value of `T` named by its raw value (`fallback` when none is given), or a problem asking to pick one of the
    /// options (in words: the raw values are codes, which people never see).
    mutating func choice<T: RawRepresentable & CaseIterable>(_ value: String?, _ field: String, default fallback: T? = nil) -> T?
    where T.RawValue == String {
        if value == nil || value == "", let fallback { return fallback }
        if let value, let chosen = T(rawValue: value) { return chosen }
        fail(field, key: "validation_choice")
        return nil
    }

    /// Records a time `TimeRule` refuses (a deadline already passed, a meeting held before its day) under `field`.
    mutating func time(_ field: String, _ check: () throws(TimeRule.Refusal) -> Void) {
        do { try check() } catch { fail(field, "\(error.english) / \(error.chinese)") }
    }

    /// A `YYYY-MM-DD` day, or `fallback` when none is given.
    mutating func day(_ text: String?, _ field: String, default fallback: LocalDate) -> LocalDate {
        guard let text, !text.isEmpty else { return fallback }
        guard let day = LocalDate(iso: text) else {
            fail(field, key: "validation_day")
            return fallback
        }
        return day
    }

    /// A required mobile or landline number in normal form (the text as given when it is not one).
    mutating func phone(_ value: String?, _ field: String) -> String {
        let text = value?.trimmingCharacters(in: .whitespaces) ?? ""
        guard let number = try? PhoneNumber(parsing: text) else {
            fail(field, key: "validation_phone")
            return text
        }
        return number.value
    }

    /// An optional phone number in normal form, nil when none is given; a wrong one is named by the core's message.
    mutating func optionalPhone(_ text: String?, _ field: String) -> PhoneNumber? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        do { return try PhoneNumber(parsing: text) } catch {
            fail(field, "\(error.englishMessage) / \(error.chineseMessage)")
            return nil
        }
    }

    /// The division to file under (`/divisionCode`): the principal's own when none is given, or a known one inside it.
    mutating func division(_ text: String?, _ principal: Principal, on db: any Database) async throws -> DivisionCode {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return principal.division }
        guard let code = DivisionCode(text), principal.canSee(code) else {
            fail("/divisionCode", key: "validation_division_outside")
            return principal.division
        }
        guard try await Division.find(code.value, on: db) != nil else {
            fail("/divisionCode", key: "validation_division_unknown")
            return principal.division
        }
        return code
    }

    /// A whole number typed in a form field (empty: none), or the field's problem under `key`.
    mutating func optionalCount(_ text: String?, _ field: String, key: String, range: ClosedRange<Int> = 0...100_000) -> Int? {
        let typed = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return nil }
        guard let value = Int(typed), range.contains(value) else {
            fail(field, key: key)
            return nil
        }
        return value
    }

    /// A place picked on the map (or typed as latitude and longitude): both empty is none; one without the
    /// other, or outside the earth's range, is the `/latitude` field's problem.
    mutating func optionalPosition(latitude: String?, longitude: String?) -> GeoPoint? {
        let lat = (latitude ?? "").trimmingCharacters(in: .whitespaces)
        let lon = (longitude ?? "").trimmingCharacters(in: .whitespaces)
        if lat.isEmpty && lon.isEmpty { return nil }
        guard let y = Double(lat), let x = Double(lon), (-90...90).contains(y), (-180...180).contains(x) else {
            fail("/latitude", key: "validation_position_invalid")
            return nil
        }
        return GeoPoint(lon: x, lat: y)
    }
}
