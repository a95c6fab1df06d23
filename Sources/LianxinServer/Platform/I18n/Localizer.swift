import Foundation
import Vapor

/// The interface texts in each language, loaded from `Resources/Locales/<lang>.json` and `Resources/Locales/*/<lang>.json`.
/// Simplified Chinese is the default; a key missing from another language falls back to it.
public struct Localizer: Sendable {
    public enum Language: String, Sendable, CaseIterable {
        case zhCN = "zh-CN"
        case en
    }

    private let tables: [Language: [String: String]]

    /// Loads every language from `<directory>/<lang>.json` and from each feature folder's
    /// `<directory>/<feature>/<lang>.json` (so each area of the product keeps its own texts).
    /// A missing or malformed file, or a key defined twice, is an error at start-up, not a blank page later.
    public init(directory: String) throws {
        let fileManager = FileManager.default
        let features = ((try? fileManager.contentsOfDirectory(atPath: directory)) ?? []).sorted().filter { name in
            var isDirectory: ObjCBool = false
            return fileManager.fileExists(atPath: (directory as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
        var tables: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let main = (directory as NSString).appendingPathComponent("\(language.rawValue).json")
            guard let data = fileManager.contents(atPath: main) else {
                throw LianxinSettings.Problem.invalid(variable: "LIANXIN_RESOURCES_DIR", value: directory, reason: "missing \(main)")
            }
            var table = try JSONDecoder().decode([String: String].self, from: data)
            for feature in features {
                let path = ((directory as NSString).appendingPathComponent(feature) as NSString)
                    .appendingPathComponent("\(language.rawValue).json")
                guard let data = fileManager.contents(atPath: path) else { continue }
                let more: [String: String]
                do {
                    more = try JSONDecoder().decode([String: String].self, from: data)
                } catch {
                    throw LianxinSettings.Problem.invalid(
                        variable: "LIANXIN_RESOURCES_DIR", value: directory, reason: "\(path) is not a JSON object of texts")
                }
                if let twice = more.keys.first(where: { table[$0] != nil }) {
                    throw LianxinSettings.Problem.invalid(
                        variable: "LIANXIN_RESOURCES_DIR", value: directory, reason: "\(path) defines \"\(twice)\" again")
                }
                table.merge(more) { first, _ in first }
            }
            tables[language] = table
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

    /// The language of messages an API caller reads: the `lang` cookie, else the first of Chinese or English
    /// that `Accept-Language` prefers, else Chinese.
    var messageLanguage: Localizer.Language {
        if let chosen = cookies[Self.languageCookie].flatMap({ Localizer.Language(rawValue: $0.string) }) { return chosen }
        return Localizer.Language.preferred(acceptLanguage: headers.first(name: .acceptLanguage) ?? "")
    }
}

extension Localizer.Language {
    /// The language an `Accept-Language` header prefers among ours ("en-US,en;q=0.9" → English); Chinese by default.
    static func preferred(acceptLanguage header: String) -> Localizer.Language {
        let ranges = header.split(separator: ",").enumerated().compactMap { index, item -> (Double, Int, Localizer.Language)? in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let tag = parts.first else { return nil }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            let language: Localizer.Language? = tag.hasPrefix("zh") ? .zhCN : tag.hasPrefix("en") ? .en : nil
            return language.flatMap { quality > 0 ? (quality, index, $0) : nil }
        }
        return ranges.min { ($1.0, $0.1) < ($0.0, $1.1) }?.2 ?? .zhCN
    }

    /// Whether `text` is written in this language: Chinese text has Chinese characters, English text has none.
    func writes(_ text: String) -> Bool {
        let chinese = text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
        return self == .zhCN ? chinese : !chinese
    }

    /// The part of a message in this language (`pick`), or `fallback` when the message has no such part, so that a
    /// message written in one language only never reaches a reader of the other.
    func pick(_ text: String, otherwise fallback: @autoclosure () -> String) -> String {
        let chosen = pick(text)
        return writes(chosen) ? chosen : fallback()
    }

    /// The part of a message written "English / 中文" that is in this language; other text as it is.
    /// Many refusals of the API still carry both languages in one string; pages show people only theirs.
    func pick(_ text: String) -> String {
        let parts = text.components(separatedBy: " / ")
        guard parts.count == 2 else { return text }
        let isChinese: (String) -> Bool = { part in part.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        let chosen = self == .zhCN ? parts.first(where: isChinese) : parts.first(where: { !isChinese($0) })
        return chosen?.trimmingCharacters(in: .whitespaces) ?? text
    }
}
