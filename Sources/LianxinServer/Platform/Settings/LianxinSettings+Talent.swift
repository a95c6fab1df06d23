import Foundation
import LianxinCore

extension LianxinSettings {
    /// The vocabulary in `path` (a park's own), else in the shipped file, else the built-in aviation one; a file
    /// that does not read or whose codes clash stops the start with what is wrong.
    static func talentVocabulary(_ path: String?, shipped: String) throws -> TalentVocabulary {
        guard let file = path ?? (FileManager.default.fileExists(atPath: shipped) ? shipped : nil) else { return .aviation }
        let variable = "LIANXIN_TALENT_VOCABULARY"
        guard let data = FileManager.default.contents(atPath: file) else {
            throw Problem.invalid(variable: variable, value: file, reason: "the file cannot be read")
        }
        let vocabulary: TalentVocabulary
        do {
            vocabulary = try JSONDecoder().decode(TalentVocabulary.self, from: data)
        } catch {
            throw Problem.invalid(
                variable: variable, value: file,
                reason: "not a vocabulary: expected {trades: [{code, zh, en, skills: [{code, zh, en}]}], pools, certificates}")
        }
        let problems = vocabulary.problems()
        guard problems.isEmpty else { throw Problem.invalid(variable: variable, value: file, reason: problems.joined(separator: "; ")) }
        return vocabulary
    }
}
