import Testing
@testable import LianxinCore

@Suite("CSV writer: fields a spreadsheet reads as text")
struct CSVWriterTests {
    /// #16 item 15 (lesser): spreadsheets skip a leading tab or carriage return before reading a
    /// formula, so those starts are neutralised like = + - @.
    @Test func item15_aLeadingTabOrCarriageReturnCannotStartAFormula() {
        #expect(CSVWriter.escape("=1+1") == "'=1+1")
        #expect(CSVWriter.escape("\t=cmd|' /C calc'!A0") == "'\t=cmd|' /C calc'!A0")
        #expect(CSVWriter.escape("\r=1+1") == "\"'\r=1+1\"")
        #expect(CSVWriter.escape("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVWriter.escape("幸福路 18 号") == "幸福路 18 号")
        #expect(CSVWriter.escape("a,b") == "\"a,b\"")
    }
}
