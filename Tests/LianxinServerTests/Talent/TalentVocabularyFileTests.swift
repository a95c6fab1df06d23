import Foundation
import Testing
import LianxinCore
@testable import LianxinServer

/// The talent map's vocabulary is data: the shipped file is the aviation park's, a park points
/// `LIANXIN_TALENT_VOCABULARY` at its own, and a file with clashing codes or missing names stops the start.
@Suite("人才共享 vocabulary as data: the shipped file, a park's own file, a broken file refused at start")
struct TalentVocabularyFileTests {
    static let key = ["LIANXIN_SECRET_KEY": String(repeating: "k", count: 32)]

    static func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vocabulary-\(UUID().uuidString).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theShippedFileIsTheAviationParksVocabulary() throws {
        let settings = try LianxinSettings.load(from: Self.key, workingDirectory: repositoryRoot).settings
        #expect(settings.talentVocabulary == .aviation)
        #expect(settings.talentVocabulary.pools.count == 5)
    }

    @Test func aParksOwnFileReplacesIt() throws {
        let path = try Self.write(
            """
            {"trades": [{"code": "ceramics", "zh": "陶瓷制作", "en": "Ceramics", "skills": [{"code": "throwing", "zh": "拉坯", "en": "Throwing"}]}],
             "pools": [{"code": "masters", "zh": "大师人才库", "en": "Masters"}], "certificates": []}
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let settings = try LianxinSettings.load(
            from: Self.key.merging(["LIANXIN_TALENT_VOCABULARY": path]) { a, _ in a }, workingDirectory: repositoryRoot
        )
        .settings
        #expect(settings.talentVocabulary.tradeOfSkill == ["throwing": "ceramics"])
        #expect(settings.talentVocabulary.pools.map(\.zh) == ["大师人才库"])
    }

    @Test func aBrokenFileStopsTheStartSayingWhatIsWrong() throws {
        let clash = try Self.write(
            """
            {"trades": [{"code": "a", "zh": "甲", "en": "A", "skills": [{"code": "a", "zh": "乙", "en": ""}]}], "pools": [], "certificates": []}
            """)
        let garbage = try Self.write("{\"trades\": 3}")
        defer {
            try? FileManager.default.removeItem(atPath: clash)
            try? FileManager.default.removeItem(atPath: garbage)
        }
        for (path, words) in [(clash, ["used twice", "English (en)", "at least one talent pool"]), (garbage, ["not a vocabulary"])] {
            do {
                _ = try LianxinSettings.load(
                    from: Self.key.merging(["LIANXIN_TALENT_VOCABULARY": path]) { a, _ in a }, workingDirectory: repositoryRoot)
                Issue.record("\(path) was accepted")
            } catch let problem as LianxinSettings.Problem {
                let text = "\(problem)"
                for word in words { #expect(text.contains(word), "\(text)") }
            }
        }
        #expect(throws: LianxinSettings.Problem.self) {
            _ = try LianxinSettings.load(from: Self.key.merging(["LIANXIN_TALENT_VOCABULARY": "/nonexistent/v.json"]) { a, _ in a })
        }
    }
}
