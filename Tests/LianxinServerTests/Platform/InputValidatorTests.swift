import Foundation
import Testing
@testable import LianxinServer
@testable import LianxinCore

/// The one input validator: every problem collected under its field, standard messages from the locale files.
@Suite struct InputValidatorTests {
    private let texts: Localizer

    init() throws { texts = try Localizer(directory: repositoryRoot + "/Resources/Locales") }

    @Test func everyProblemIsCollectedAndThrownAsOne422() throws {
        var checks = InputValidator(texts)
        #expect(checks.text("  两个  ", "/subject", 2...200, label: "信访事项") == "两个")
        _ = checks.text("x", "/subject", 2...200, label: "信访事项")
        _ = checks.text("", "/name", 1...50)
        _ = checks.text(String(repeating: "字", count: 11), "/note", 0...10, label: "备注")
        let kind: PetitionChannel? = checks.choice("fax", "/channel")
        #expect(kind == nil)
        #expect(checks.day("2026-13-40", "/receivedOn", default: "2026-03-01") == "2026-03-01")
        #expect(checks.phone("123", "/phone") == "123")
        checks.expect(false, "/other", "a caller's own words / 调用方自己的话")
        #expect(!checks.isValid)
        let problem = try #require(throws: Problem.self) { try checks.finish() }
        #expect(problem.status == .unprocessableEntity)
        #expect(
            problem.errors == [
                .init(field: "/subject", message: "2–200 characters / 信访事项须为 2–200 字"),
                .init(field: "/name", message: "1–50 characters / 长度须为 1–50 个字符"),
                .init(field: "/note", message: "at most 10 characters / 备注不超过 10 字"),
                .init(field: "/channel", message: "choose one of the options offered / 请从给出的选项中选择"),
                .init(field: "/receivedOn", message: "a day written like 2026-03-01 / 请按“2026-03-01”这样的格式填写日期"),
                .init(field: "/phone", message: "a mobile or landline number / 请填写有效的手机或座机号码"),
                .init(field: "/other", message: "a caller's own words / 调用方自己的话"),
            ])
    }

    @Test func controlCharactersAreRefusedWithOneProblem() {
        var checks = InputValidator(texts)
        #expect(checks.text("a\u{0}b", "/title", 1...2) == "")
        #expect(checks.errors == [.init(field: "/title", message: "contains control characters / 含有无效的控制字符")])
    }

    @Test func blankOptionalValuesAreNoProblem() throws {
        var checks = InputValidator(texts)
        #expect(checks.optionalText("   ", "/note") == nil)
        #expect(checks.optionalPhone(" ", "/phone") == nil)
        #expect(checks.day(nil, "/day", default: "2026-03-01") == "2026-03-01")
        let channel: PetitionChannel? = checks.choice(nil, "/channel", default: .visit)
        #expect(channel == .visit)
        #expect(checks.isValid)
        try checks.finish()
        #expect(try InputValidator.optionalText(" 好 ", "/note", texts) == "好")
    }

    @Test func everyValidationTextExistsInBothLanguages() {
        #expect(!texts.missingKeys(in: .en).contains { $0.hasPrefix("validation_") })
        #expect(texts.text("validation_phone", .en) != "validation_phone")
    }
}

@Suite("Pages show a refusal in the reader's language only")
struct BilingualMessageTests {
    @Test func aTwoLanguageMessageShowsOnlyTheReadersHalf() {
        let text = "Your role may not do this / 您的角色无权执行此操作"
        #expect(Localizer.Language.zhCN.pick(text) == "您的角色无权执行此操作")
        #expect(Localizer.Language.en.pick(text) == "Your role may not do this")
        #expect(Localizer.Language.zhCN.pick("请选择满意度") == "请选择满意度", "a text in one language is left as it is")
        #expect(Localizer.Language.zhCN.pick("a / b / c") == "a / b / c")
    }

    @Test func theErrorPageShowsChineseOnly() async throws {
        try await withLianxin(demo: true) { app, client in
            try await client.login("operator")
            let page = try await client.send(.GET, "/audit")
            #expect(page.status == .forbidden)
            #expect(page.body.string.contains("您的角色无权执行此操作") && !page.body.string.contains("Your role may not do this"))
        }
    }
}
