import Testing
@testable import LianxinCore

@Suite struct NGramProfileTests {
    private let ngrams = CharacterNGrams(lengths: 2...3)

    @Test func identicalTextsAreFullySimilarAndUnrelatedOnesNotAtAll() {
        let text = NGramProfile("幸福路路灯不亮", ngrams: ngrams)
        #expect(abs(text.cosine(NGramProfile("幸福路路灯不亮", ngrams: ngrams)) - 1) < 1e-12)
        #expect(text.cosine(NGramProfile("工资拖欠", ngrams: ngrams)) == 0)
    }

    @Test func similarityGrowsWithSharedWording() {
        let text = NGramProfile("幸福路的路灯坏了晚上很黑", ngrams: ngrams)
        let close = text.cosine(NGramProfile("幸福路路灯坏了", ngrams: ngrams))
        let far = text.cosine(NGramProfile("解放路有个井盖坏了", ngrams: ngrams))
        #expect(close > far)
        #expect(far > 0)
    }

    @Test func emptyTextIsSimilarToNothing() {
        let empty = NGramProfile("，。", ngrams: ngrams)
        #expect(empty.isEmpty)
        #expect(empty.cosine(NGramProfile("路灯", ngrams: ngrams)) == 0)
    }
}
