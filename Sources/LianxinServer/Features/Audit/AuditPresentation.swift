import Vapor
import Fluent

/// How the audit log page words its entries (#18 item 1): actions by their label, targets as "账号 王丽",
/// actors by their name, divisions by name — the stored codes stay in the API and the CSV-free chain.
struct AuditPresentation: Sendable {
    let language: Localizer.Language
    let texts: Localizer
    let people: [String: String]
    let divisions: [String: String]
    /// The detail shapes of the locale files, the most specific (longest fixed text) first.
    let templates: [AuditDetailTemplate]

    /// Looks up the people and divisions that `entries` name.
    static func load(for entries: [AuditEntry], on req: Request) async throws -> AuditPresentation {
        let usernames = Set(
            entries.map(\.actorName) + entries.compactMap { $0.target.flatMap { Self.split($0) }.flatMap { $0.kind == "user" ? $0.rest : nil } })
        var people: [String: String] = [:]
        for chunk in Array(usernames).chunked(500) {
            for user in try await User.query(on: req.db).filter(\.$username ~~ chunk).all() { people[user.username] = user.displayName }
        }
        let codes = entries.flatMap { entry in
            [entry.recordDivision, entry.target.flatMap { Self.split($0) }.flatMap { $0.kind == "division" ? $0.rest : nil }].compactMap { $0 }
                + (entry.detail.map(Self.detailDivisions) ?? [])
        }
        let divisions = try await DivisionQueries.names(of: codes, on: req.db)
        return AuditPresentation(
            language: req.language, texts: req.lianxin.localizer, people: people, divisions: divisions,
            templates: AuditDetailTemplate.all(in: req.lianxin.localizer.table(.en)))
    }

    /// "kind:rest" as its two parts.
    static func split(_ target: String) -> (kind: String, rest: String)? {
        guard let colon = target.firstIndex(of: ":") else { return nil }
        return (String(target[..<colon]), String(target[target.index(after: colon)...]))
    }

    private func text(_ key: String) -> String? {
        let text = texts.text(key, language)
        return text == key ? nil : text
    }

    /// The action's label ("登录成功"); the stored name only for an action this version does not know.
    func action(_ raw: String) -> String { text("audit_action_\(raw)") ?? raw }

    /// What the action was about, in words: "账号" and the person "王丽（operator）" as data, "区划 信州区", "工单 20261125000001".
    func target(_ raw: String?) -> [DetailPart] {
        guard let raw, !raw.isEmpty else { return [] }
        guard let parts = Self.split(raw) else {
            return [text("audit_target_\(raw)").map { DetailPart(text: $0, data: false) } ?? DetailPart(text: raw, data: true)]
        }
        guard let label = text("audit_target_\(parts.kind)") else { return [DetailPart(text: raw, data: true)] }
        switch parts.kind {
        case "user":
            guard let name = people[parts.rest] else {
                return [DetailPart(text: label + " ", data: false), DetailPart(text: parts.rest, data: true)]
            }
            return [DetailPart(text: label + " ", data: false), DetailPart(text: "\(name)（\(parts.rest)）", data: true)]
        case "division": return [DetailPart(text: "\(label) \(divisions[parts.rest] ?? parts.rest)", data: false)]
        default: return [DetailPart(text: label + " ", data: false), DetailPart(text: parts.rest, data: true)]
        }
    }

    /// Who acted: the person's name with their username (data), or what acted when no person did.
    func actor(_ raw: String) -> [DetailPart] {
        if let name = people[raw] { return [DetailPart(text: "\(name)（\(raw)）", data: true)] }
        if let special = text("audit_actor_\(raw)") { return [DetailPart(text: special, data: false)] }
        if let parts = Self.split(raw), let special = text("audit_actor_\(parts.kind)") {
            return [DetailPart(text: special, data: false), DetailPart(text: "（\(parts.rest)）", data: true)]
        }
        return [DetailPart(text: raw, data: true)]
    }

    /// The division's name.
    func division(_ code: String?) -> String { code.map { divisions[$0] ?? $0 } ?? "" }

    /// The details' `key=value` words this page puts in words.
    static let detailKeys: Set<String> = ["role", "division", "grid", "unit", "token", "expires", "department", "count", "per-minute", "events"]

    /// The division codes a detail names (`division=361102`).
    static func detailDivisions(_ detail: String) -> [String] {
        detail.split(whereSeparator: { $0 == " " || $0 == "=" || $0 == "," }).map(String.init)
            .filter { word in [2, 4, 6, 9, 12].contains(word.count) && word.allSatisfy(\.isASCII) && word.allSatisfy(\.isNumber) }
    }

    /// One piece of a detail as the page shows it: words in the reader's language, or data (a path, a name, an
    /// identifier) shown as recorded, set apart in the page.
    struct DetailPart: Content {
        let text: String
        let data: Bool
    }

    /// A detail in words. A detail recorded in one of the shapes the locale files list (`audit_tpl_*`: the English
    /// text is the shape it is recorded in, the page's language says how it reads) is reworded, its values put in
    /// words where they name a role, a permission or a division and kept as data otherwise; any other detail goes
    /// through `words(_:)` (`role=gridMember division=361102` → "角色：网格员，区划：信州区").
    func detail(_ raw: String?) -> [DetailPart] {
        guard let raw, !raw.isEmpty else { return [] }
        for template in templates {
            guard let values = template.match(raw) else { continue }
            var parts: [DetailPart] = []
            for piece in template.reading(in: texts, language) {
                switch piece {
                case .literal(let text): parts.append(DetailPart(text: text, data: false))
                case .value(let index): parts.append(value(values[index]))
                }
            }
            return parts
        }
        return [DetailPart(text: words(raw), data: false)]
    }

    /// A template's value: a role, permission or division by its name, `key=value` pairs in words, numbers as they
    /// are; anything else is data.
    private func value(_ raw: String) -> DetailPart {
        if let label = text("role_\(raw)") ?? text("permission_\(raw)") ?? divisions[raw] { return DetailPart(text: label, data: false) }
        if raw.contains("=") { return DetailPart(text: words(raw), data: false) }
        if raw.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," || $0 == " " }) { return DetailPart(text: raw, data: false) }
        return DetailPart(text: raw, data: true)
    }

    /// `key=value` words in words, and `needs <permission>` as 缺少权限“…”; other words stay as recorded.
    func words(_ raw: String) -> String {
        var words = raw.split(separator: " ").map(String.init)
        if words.count >= 2, words[0] == "needs", let label = text("permission_\(words[1])") {
            let phrase = (text("audit_detail_needs") ?? "").replacingOccurrences(of: "{permission}", with: label)
            words.replaceSubrange(0...1, with: [phrase])
        }
        let separator = language == .zhCN ? "：" : ": "
        let parts = words.map { word -> (text: String, pair: Bool) in
            guard let equals = word.firstIndex(of: "="), Self.detailKeys.contains(String(word[..<equals])),
                let key = text("audit_detail_\(word[..<equals])")
            else { return (word, false) }
            let value = String(word[word.index(after: equals)...])
            switch word[..<equals] {
            case "role": return (key + separator + (text("role_\(value)") ?? value), true)
            case "division": return (key + separator + division(value), true)
            default: return (key + separator + value, true)
            }
        }
        // Pairs read as a list ("角色：网格员，区划：信州区"); free words keep their spaces.
        var result = ""
        for (index, part) in parts.enumerated() {
            if index > 0 { result += parts[index - 1].pair && part.pair ? (language == .zhCN ? "，" : ", ") : " " }
            result += part.text
        }
        return result
    }
}
