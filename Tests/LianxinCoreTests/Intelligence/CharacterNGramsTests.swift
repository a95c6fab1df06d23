import Testing
@testable import LianxinCore

@Suite struct CharacterNGramsTests {
    @Test func everyUnigramBigramAndTrigramOfARunIsHashed() {
        let ngrams = CharacterNGrams(lengths: 1...3)
        #expect(ngrams.hashes(of: "上饶市").count == 6)
        #expect(Set(ngrams.hashes(of: "上饶市")).count == 6)
        #expect(CharacterNGrams(lengths: 2...2).hashes(of: "上饶市").count == 2)
    }

    @Test func segmentedAndRawTextGiveTheSameFeaturesWhenSpacesAreIgnored() {
        let ngrams = CharacterNGrams()
        #expect(ngrams.hashes(of: "小区 垃圾 无人 清运") == ngrams.hashes(of: "小区垃圾无人清运"))
    }

    @Test func nGramsDoNotCrossPunctuation() {
        let ngrams = CharacterNGrams(lengths: 2...2)
        #expect(ngrams.hashes(of: "路灯，坏了").count == 2)
        #expect(ngrams.hashes(of: "路灯坏了").count == 3)
    }

    @Test func repeatedNGramsAreCountedOnce() {
        let counts = CharacterNGrams(lengths: 1...1).counts(of: "噪音噪音噪音")
        #expect(counts.count == 2)
        #expect(counts.allSatisfy { $0.count == 3 })
    }

    @Test func leadNGramsAddSeparateFeaturesForTheOpeningCharactersOnly() {
        let plain = CharacterNGrams(lengths: 1...1)
        let lead = CharacterNGrams(lengths: 1...1, leadLength: 2)
        let text = "停水三天"
        #expect(lead.hashes(of: text).count == plain.hashes(of: text).count + 2)
        #expect(Set(plain.hashes(of: text)).isSubset(of: Set(lead.hashes(of: text))))
    }
}
