import Foundation
import Testing
@testable import LianxinCore

@Suite struct LabeledTextCSVTests {
    @Test func quotedFieldsWithCommasQuotesAndNewlinesAreRead() throws {
        let csv = "\u{FEFF}id,text,label\r\n1,\"路灯坏了，\"\"很黑\"\"\n请修\",市政设施\r\n2,停水,供水供电供气\n"
        let examples = try LabeledTextCSV.parse(Data(csv.utf8))
        #expect(
            examples == [
                LabeledText(text: "路灯坏了，\"很黑\"\n请修", label: "市政设施"),
                LabeledText(text: "停水", label: "供水供电供气"),
            ])
    }

    @Test func renderingAndParsingRoundTrip() throws {
        let examples = [LabeledText(text: "a,b \"c\"\nd", label: "其他"), LabeledText(text: "停电", label: "供水供电供气")]
        #expect(try LabeledTextCSV.parse(Data(LabeledTextCSV.render(examples).utf8)) == examples)
    }

    @Test func missingColumnsAndOpenQuotesAreReported() {
        #expect(throws: ClassifierError.missingColumn("label")) { try LabeledTextCSV.parse(Data("text\n停水\n".utf8)) }
        #expect(throws: ClassifierError.self) { try LabeledTextCSV.parse(Data("text,label\n\"停水,供水\n".utf8)) }
    }
}
