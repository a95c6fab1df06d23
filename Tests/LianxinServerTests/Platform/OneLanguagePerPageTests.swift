import Foundation
import Testing
import Vapor
@testable import LianxinServer

/// What a person reads is in one language (#18 item 1): the locale files, the templates and every
/// "English / 中文" message in the sources, then real pages and problem bodies in both languages.
@Suite("One language per page: no codes, pointers or the other language in what people read")
struct OneLanguagePerPageTests {
    /// A Latin identifier, pattern or pointer in Chinese text: camelCase, snake_case, a lowercase word,
    /// a bracketed pattern or a JSON pointer. Capitals (ID, CSV, GeoJSON's G) and units are allowed, and a
    /// literal a person must type is quoted (“code”, `lianxin user create`) and skipped.
    static var latinInChinese: Regex<AnyRegexOutput> {
        try! Regex(#"(?:^|[^A-Za-z\\])([a-z]+[A-Z][A-Za-z]*|[a-z]{2,}|[A-Za-z]+_[A-Za-z_]+|\[[^\]]*\]|/[a-z][A-Za-z]*)(?![A-Za-z])"#)
    }
    static let units: Set<String> = ["km", "kg", "px", "ms"]

    static func unquoted(_ text: String) -> String {
        text.replacing(try! Regex(#"https?://\S+|“[^”]*”|`[^`]*`|\{[A-Za-z]+\}|\\\([^)]*\)"#), with: " ")
    }

    static func hasHan(_ text: String) -> Bool { text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

    /// The Latin identifiers in a Chinese text (empty when it reads as Chinese only).
    static func identifiers(inChinese text: String) -> [String] {
        unquoted(text).matches(of: latinInChinese).map { String($0.output[1].substring ?? "") }.filter { !units.contains($0) }
    }

    @Test func item01_localeTextsAreInTheirOwnLanguage() throws {
        let root = repositoryRoot + "/Resources/Locales"
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") } ?? []
        #expect(files.count >= 20)
        for file in files {
            let table = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: URL(fileURLWithPath: root + "/" + file)))
            for (key, text) in table {
                if file.hasSuffix("zh-CN.json") {
                    let found = Self.identifiers(inChinese: text)
                    #expect(found.isEmpty, "\(file) \(key): \(found) in “\(text)”")
                } else {
                    #expect(!Self.hasHan(Self.unquoted(text)), "\(file) \(key) has Chinese in English text: \(text)")
                }
            }
        }
    }

    @Test func item01_templatesHoldNoTextOfTheirOwn() throws {
        let root = repositoryRoot + "/Resources/Views"
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".leaf") } ?? []
        #expect(files.count >= 50)
        // Coordinate systems and key names read the same in both languages, and so does the logo (连, hidden from readers).
        let sameInBoth: Set<String> = ["WGS84", "GCJ-02", "Ctrl+Enter", "连"]
        for file in files {
            let source = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            for text in PageText.literalText(ofTemplate: source) where !sameInBoth.contains(text) {
                #expect(
                    !Self.hasHan(text) && text.firstMatch(of: /[A-Za-z]{2,}/) == nil,
                    "\(file) shows “\(text)” in every language; put it in a locale file")
            }
        }
    }

    @Test func item01_everyTwoLanguageMessageInTheSourcesKeepsEachLanguageApart() throws {
        let literal = try Regex(#""((?:[^"\\\n]|\\.)*)""#)
        var checked = 0
        for folder in ["/Sources/LianxinServer", "/Sources/LianxinCore"] {
            for (path, text) in ArchitectureTests.swiftFiles(under: repositoryRoot + folder) {
                for match in text.matches(of: literal) {
                    let string = String(match.output[1].substring ?? "")
                    let parts = string.components(separatedBy: " / ")
                    guard parts.count == 2, parts.contains(where: { Self.hasHan(Self.unquoted($0)) }) else { continue }
                    guard let chinese = parts.first(where: { Self.hasHan(Self.unquoted($0)) }), let english = parts.first(where: { $0 != chinese })
                    else { continue }
                    checked += 1
                    #expect(!Self.hasHan(Self.unquoted(english)), "\(path): Chinese in the English half of “\(string)”")
                    let found = Self.identifiers(inChinese: chinese)
                    #expect(found.isEmpty, "\(path): \(found) in the Chinese half of “\(string)”")
                }
            }
        }
        #expect(checked > 200)
    }

    @Test func item01_problemBodiesSpeakTheCallersLanguage() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("operator")
            let csrf = try await client.csrf()
            let bad: [String: String] = [
                "title": "", "description": "x", "categoryCode": "nope", "requesterPhone": "123", "channel": "fax", "kind": "x",
            ]
            for language in ["", "en-US,en;q=0.9", "zh-CN,zh;q=0.9,en;q=0.5"] {
                var headers: HTTPHeaders = ["X-CSRF-Token": csrf]
                if !language.isEmpty { headers.add(name: .acceptLanguage, value: language) }
                let english = language.hasPrefix("en")
                let order = try await client.send(.POST, "/api/v1/work-orders", headers: headers, json: bad)
                let evaluation = try await client.send(
                    .POST, "/api/v1/work-orders/\(UUID())/transitions", headers: headers, json: ["action": "revisit", "satisfaction": "great"])
                let decoding = try await client.send(.POST, "/api/v1/work-orders", headers: headers, json: ["title": 5])
                for response in [order, evaluation, decoding] {
                    let body = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                    let errors = body["errors"] as? [[String: Any]] ?? []
                    let texts = [body["title"] as? String ?? "", body["detail"] as? String ?? ""] + errors.map { $0["detail"] as? String ?? "" }
                    for error in errors { #expect((error["pointer"] as? String)?.hasPrefix("/") == true) }
                    for text in texts {
                        #expect(!text.isEmpty)
                        if english {
                            #expect(!Self.hasHan(text), "Chinese in an English problem: \(text)")
                        } else {
                            #expect(Self.hasHan(text) && Self.identifiers(inChinese: text).isEmpty, "not plain Chinese: \(text)")
                        }
                    }
                }
                #expect(try order.problemFields().contains("/requesterPhone"))
            }
            let refusal = try #require(throws: Problem.self) { try TransitionInput(action: "revisit").resolved() }
            #expect(refusal.errors.first?.message == "choose how satisfied you are / 请选择满意度")
        }
    }

    /// Codes that reach a page only by mistake: raw values of the enumerations pages show.
    static let rawCodes: Set<String> = [
        "submitted", "received", "dispatched", "signed", "inProgress", "completed", "evaluated", "reopened", "shelved",
        "county", "township", "province", "city", "village", "down", "nearest", "up", "success", "failure", "denied",
        "pending", "approved", "returned", "effective", "withdrawn", "true", "false", "hotline", "gridPatrol", "open",
        "claimed", "fulfilled", "assigned", "taken", "cancelled", "solvedOnSite", "workOrder", "applicant", "respondent",
        "blower", "requester", "fullTime", "partTime", "outgoing", "incoming", "planned", "held", "published",
    ]

    @Test func item01_pagesOfEveryRoleSpeakOneLanguage() async throws {
        try await withLianxin(demo: true) { app, client in
            let localizer = app.lianxin.localizer
            let chineseOnly = Set(localizer.table(.zhCN).values.filter { $0.count >= 3 && Self.hasHan($0) && !$0.contains("{") })
            let englishOnly = Set(localizer.table(.en).values.filter { $0.count >= 8 && !Self.hasHan($0) && $0.contains(" ") && !$0.contains("{") })
            var problems: [String] = []
            var pages = 0
            for username in ["admin", "auditor", "operator", "dispatcher", "handler", "gridmember", "community", "leader"] {
                client.cookies = [:]
                try await client.login(username)
                let paths = try await PageText.crawl(client, limit: 30)
                for language in Localizer.Language.allCases {
                    client.cookies[Request.languageCookie] = language.rawValue
                    for path in paths {
                        let response = try await client.send(.GET, path)
                        guard response.status == .ok, response.headers.contentType?.subType == "html" else { continue }
                        pages += 1
                        for text in PageText.visibleText(of: response.body.string) {
                            if Self.rawCodes.contains(text) || text.firstMatch(of: /\b[a-z]+[A-Z][a-z]+[A-Za-z]*\b/) != nil {
                                problems.append("\(username) \(language.rawValue) \(path): code “\(text)”")
                            }
                            if language == .en, chineseOnly.contains(text) {
                                problems.append("\(username) en \(path): Chinese label “\(text)”")
                            }
                            if language == .zhCN, englishOnly.contains(text) {
                                problems.append("\(username) zh-CN \(path): English label “\(text)”")
                            }
                        }
                    }
                }
            }
            #expect(pages > 150)
            #expect(problems.isEmpty, "\(Set(problems).sorted().joined(separator: "\n"))")
        }
    }

    @Test func item01_theAuditLogReadsInWords() async throws {
        try await withLianxin(demo: true) { _, client in
            try await client.login("operator")
            #expect(try await client.send(.GET, "/admin/readiness").status == .forbidden)
            client.cookies = [:]
            try await client.login("auditor")
            let page = try await client.send(.GET, "/audit").body.string
            #expect(page.contains("登录成功") && page.contains("<span data-data>话务员 王丽（operator）</span>"))
            #expect(page.contains("缺少权限“管理规则和目录”") && !page.contains("needs manageRules"), "a refusal's detail in words")
            #expect(!page.contains(">login.success<") && !page.contains("<code>login.success</code>"))
            client.cookies[Request.languageCookie] = "en"
            #expect(try await client.send(.GET, "/audit").body.string.contains("Signed in"))
        }
    }

    @Test func item01_auditDetailsRecordedInEnglishReadInThePagesLanguage() async throws {
        try await withLianxin(demo: true) { _, client in
            let form = try await client.send(.GET, "/login").body.string
            let wrong = (try await client.totpCode(for: "auditor")) == "000000" ? "111111" : "000000"
            try await client.send(
                .POST, "/login",
                form: ["username": "auditor", "password": DemoSeeder.password, "totp": wrong, "_csrf": TestClient.csrfToken(in: form) ?? ""])
            try await client.login("auditor")
            let page = try await client.send(.GET, "/audit?limit=200").body.string
            #expect(page.contains("动态口令错误或已使用过") && !page.contains("wrong or reused second factor"), "a refused sign-in in words")
            #expect(page.contains("条部门角色对应") && !page.contains("role mappings"), "an import's counts in words")
            #expect(page.contains("新增住户") && !page.contains("new households"))
            #expect(!page.contains("inserted="), "key=value counts in words")
            client.cookies[Request.languageCookie] = "en"
            let english = try await client.send(.GET, "/audit?limit=200").body.string
            #expect(english.contains("role mappings") && !english.contains("条部门角色对应"))
        }
    }

    @Test func anAuditDetailShapeFindsItsValuesAndRewordsThem() throws {
        let texts = try Localizer(directory: repositoryRoot + "/Resources/Locales")
        let shapes = AuditDetailTemplate.all(in: texts.table(.en))
        let detail = "imported 170 categories: 170 added, 0 changed"
        let shape = try #require(shapes.first { $0.match(detail) != nil })
        #expect(shape.match(detail) == ["170", "170", "0"])
        #expect(
            shape.reading(in: texts, .zhCN) == [
                .literal("导入 "), .value(0), .literal(" 个分类：新增 "), .value(1), .literal(" 个，修改 "), .value(2), .literal(" 个"),
            ])
        #expect(shapes.first { $0.match("5 rows to out.csv, masked") != nil }?.key == "audit_tpl_rows_to_masked", "the most specific shape wins")
        #expect(shapes.allSatisfy { $0.match("something nobody wrote down") == nil || $0.key.isEmpty })
    }
}

/// The text a person sees on a page or in a template.
enum PageText {
    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&nbsp;", with: " ")
    }

    /// Text nodes and the attributes people read (placeholder, title, aria-label, alt), trimmed, non-empty.
    static func visibleText(of html: String) -> [String] {
        // Scripts, styles, code samples, what a user typed (textareas) and the signed-in person's own name are not interface text.
        let stripped = html.replacing(
            try! Regex(
                #"(?s)<script.*?</script>|<style.*?</style>|<!--.*?-->|<code>.*?</code>|<textarea.*?</textarea>|<span class="who-(name|meta)">.*?</span>"#
            ),
            with: " ")
        var texts: [String] = []
        for match in stripped.matches(of: try! Regex(#"(?:placeholder|title|aria-label|alt)="([^"]*)""#)) {
            texts.append(decode(String(match.output[1].substring ?? "")))
        }
        for piece in stripped.split(separator: "<") {
            guard let close = piece.firstIndex(of: ">") else { continue }
            texts.append(decode(String(piece[piece.index(after: close)...])))
        }
        return texts.flatMap { $0.split(separator: "\n") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The literal text of a Leaf template outside its tags and `#(…)` expressions.
    static func literalText(ofTemplate source: String) -> [String] {
        var text = source.replacing(try! Regex(#"(?s)<script.*?</script>|<style.*?</style>|<!--.*?-->"#), with: " ")
        // Leaf expressions, innermost first, until none is left.
        let expression = try! Regex(##"#[A-Za-z]*\((?:[^()"]|"[^"]*"|\((?:[^()"]|"[^"]*")*\))*\):?"##)
        while text.contains(expression) { text = text.replacing(expression, with: " ") }
        text = text.replacing(try! Regex(##"#(endif|else|endfor|endextend|endexport|endimport)\b:?"##), with: " ")
        var literal: [String] = []
        for match in text.matches(of: try! Regex(#"(?:placeholder|title|aria-label|alt)="([^"]*)""#)) {
            literal.append(String(match.output[1].substring ?? ""))
        }
        text = text.replacing(try! Regex(#"<[^>]*>"#), with: "\n")
        literal += text.split(separator: "\n").map { decode(String($0)).trimmingCharacters(in: .whitespaces) }
        return literal.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0.firstMatch(of: /[\p{L}]/) != nil }
    }

    /// Up to `limit` pages reachable from the home page by plain links (no downloads, no sign-out).
    static func crawl(_ client: TestClient, limit: Int) async throws -> [String] {
        var queue = ["/"], seen: Set<String> = ["/"], found: [String] = []
        let link = try Regex(##"href="(/[^"#?]*)(\?[^"#]*)?""##)
        while !queue.isEmpty, found.count < limit {
            let path = queue.removeFirst()
            let response = try await client.send(.GET, path)
            guard response.status == .ok, response.headers.contentType?.subType == "html" else { continue }
            found.append(path)
            for match in response.body.string.matches(of: link) {
                let next = String(match.output[1].substring ?? "")
                guard !seen.contains(next), !next.hasPrefix("/api/"), !next.hasPrefix("/css/"), !next.hasPrefix("/js/"),
                    !next.contains("logout"), !next.hasSuffix(".csv"), !next.hasSuffix(".png"), !next.hasSuffix(".svg"), !next.contains("/export")
                else { continue }
                seen.insert(next)
                queue.append(next)
            }
        }
        return found
    }
}
