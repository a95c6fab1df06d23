import Testing
@testable import LianxinCore

@Suite struct TextNormalizerTests {
    private func text(_ scalars: [UInt32]) -> String {
        String(String.UnicodeScalarView(scalars.map { $0 == TextNormalizer.separator ? "|" : Unicode.Scalar($0)! }))
    }

    @Test func fullWidthLettersBecomeLowerCaseHalfWidthAndDigitsFold() {
        let normalizer = TextNormalizer()
        #expect(text(normalizer.scalars(of: "ＡＢｃ１２３路")) == "abc000路")
        #expect(text(TextNormalizer(foldsDigits: false).scalars(of: "１２路")) == "12路")
    }

    @Test func punctuationSeparatesRunsWithoutDoubledOrTrailingSeparators() {
        #expect(text(TextNormalizer().scalars(of: "，路灯坏了！！请修。")) == "路灯坏了|请修")
    }

    @Test func whitespaceIsDroppedSeparatingOrKeptAsAsked() {
        let input = "路灯  坏了\u{3000}请修"
        #expect(text(TextNormalizer(whitespace: .ignore).scalars(of: input)) == "路灯坏了请修")
        #expect(text(TextNormalizer(whitespace: .separate).scalars(of: input)) == "路灯|坏了|请修")
        #expect(text(TextNormalizer(whitespace: .keep).scalars(of: input)) == "路灯 坏了 请修")
    }
}
