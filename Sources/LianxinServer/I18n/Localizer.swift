import Foundation
import Vapor

/// The interface texts in each language, loaded from `Resources/Locales/<lang>.json`.
/// Simplified Chinese is the default; a key missing from another language falls back to it.
public struct Localizer: Sendable {
    public enum Language: String, Sendable, CaseIterable {
        case zhCN = "zh-CN"
        case en
    }

    private let tables: [Language: [String: String]]

    /// Loads every language; a missing or malformed file is an error at start-up, not a blank page later.
    public init(directory: String) throws {
        var tables: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let path = (directory as NSString).appendingPathComponent("\(language.rawValue).json")
            guard let data = FileManager.default.contents(atPath: path) else {
                throw LianxinSettings.Problem.invalid(variable: "LIANXIN_RESOURCES_DIR", value: directory, reason: "missing \(path)")
            }
            tables[language] = try JSONDecoder().decode([String: String].self, from: data)
        }
        self.tables = tables
    }

    /// All texts of `language`, with Chinese filling any gap.
    public func table(_ language: Language) -> [String: String] {
        let base = tables[.zhCN] ?? [:]
        guard language != .zhCN else { return base }
        return base.merging(tables[language] ?? [:]) { _, translated in translated }
    }

    /// One text; the key itself when no language has it.
    public func text(_ key: String, _ language: Language) -> String {
        tables[language]?[key] ?? tables[.zhCN]?[key] ?? key
    }

    /// Keys present in Chinese but missing in `language` (a test keeps this empty).
    public func missingKeys(in language: Language) -> [String] {
        Set(tables[.zhCN]?.keys ?? [:].keys).subtracting(tables[language]?.keys ?? [:].keys).sorted()
    }
}

extension Request {
    static let languageCookie = "lianxin_lang"

    /// The page language: the `lang` cookie, else Chinese.
    var language: Localizer.Language {
        cookies[Self.languageCookie].flatMap { Localizer.Language(rawValue: $0.string) } ?? .zhCN
    }

    /// One interface text in the request's language.
    func t(_ key: String) -> String { lianxin.localizer.text(key, language) }
}
