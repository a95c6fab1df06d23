import Vapor
import Fluent

/// How the audit log page words its entries (#18 item 1): actions by their label, targets as "账号 王丽",
/// actors by their name, divisions by name — the stored codes stay in the API and the CSV-free chain.
struct AuditPresentation: Sendable {
    let language: Localizer.Language
    let texts: Localizer
    let people: [String: String]
    let divisions: [String: String]

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
        return AuditPresentation(language: req.language, texts: req.lianxin.localizer, people: people, divisions: divisions)
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

    /// What the action was about, in words: "账号 王丽（operator）", "区划 信州区", "工单 20261125000001".
    func target(_ raw: String?) -> String {
        guard let raw, !raw.isEmpty else { return "" }
        guard let parts = Self.split(raw) else { return text("audit_target_\(raw)") ?? raw }
        guard let label = text("audit_target_\(parts.kind)") else { return raw }
        switch parts.kind {
        case "user": return people[parts.rest].map { "\(label) \($0)（\(parts.rest)）" } ?? "\(label) \(parts.rest)"
        case "division": return "\(label) \(divisions[parts.rest] ?? parts.rest)"
        default: return "\(label) \(parts.rest)"
        }
    }

    /// Who acted: the person's name with their username, or what acted when no person did.
    func actor(_ raw: String) -> String {
        if let name = people[raw] { return "\(name)（\(raw)）" }
        if let special = text("audit_actor_\(raw)") { return special }
        if let parts = Self.split(raw), let special = text("audit_actor_\(parts.kind)") { return "\(special)（\(parts.rest)）" }
        return raw
    }

    /// The division's name.
    func division(_ code: String?) -> String { code.map { divisions[$0] ?? $0 } ?? "" }

    /// The details' `key=value` words this page puts in words.
    static let detailKeys: Set<String> = ["role", "division", "grid", "unit", "token", "expires"]

    /// The division codes a detail names (`division=361102`).
    static func detailDivisions(_ detail: String) -> [String] {
        detail.split(separator: " ").compactMap { word in word.hasPrefix("division=") ? String(word.dropFirst("division=".count)) : nil }
    }

    /// A detail in words: `role=gridMember division=361102` → "角色 网格员，区划 信州区"; `needs manageAccounts` →
    /// 缺少权限“管理账号”. Other details (free text written for auditors) stay as they were recorded.
    func detail(_ raw: String?) -> String {
        guard let raw, !raw.isEmpty else { return "" }
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
