import Foundation
import Testing
@testable import LianxinCore

@Suite("Division codes and files")
struct DivisionTests {
    @Test func codesAreReadInEveryWrittenForm() throws {
        #expect(DivisionCode("36")?.level == .province)
        #expect(DivisionCode("3611")?.level == .city)
        #expect(DivisionCode("361100")?.value == "3611", "a zero-padded city")
        #expect(DivisionCode("361102000000")?.value == "361102")
        #expect(DivisionCode("361102001001")?.level == .community)
        #expect(DivisionCode("361102001000")?.value == "361102001")
        #expect(DivisionCode("360000000000")?.value == "36")
        #expect(DivisionCode("3611x2") == nil)
        #expect(DivisionCode("36110") == nil)
        #expect(DivisionCode("3600") == nil, "a city segment of 00 is the province itself")
        #expect(DivisionCode("") == nil)
    }

    @Test func aCodesSubtreeIsEveryCodeStartingWithIt() throws {
        let county = try #require(DivisionCode("361102"))
        #expect(county.contains(try #require(DivisionCode("361102001001"))))
        #expect(!county.contains(try #require(DivisionCode("361103001"))))
        #expect(try #require(DivisionCode("361102001001")).parent?.value == "361102001")
        #expect(try #require(DivisionCode("3611")).padded12 == "361100000000")
        #expect(try #require(DivisionCode("361102001001")).lineage.map(\.value) == ["361102001001", "361102001", "361102", "3611", "36"])
    }

    @Test func relatedDivisionsAreOnOneLineOfTheTree() throws {
        let city = try #require(DivisionCode("3611"))
        let xinzhou = try #require(DivisionCode("361102"))
        let guangfeng = try #require(DivisionCode("361103"))
        let township = try #require(DivisionCode("361102001"))
        #expect(xinzhou.isRelated(to: township) && township.isRelated(to: xinzhou))
        #expect(city.isRelated(to: guangfeng) && xinzhou.isRelated(to: xinzhou))
        #expect(!xinzhou.isRelated(to: guangfeng), "two counties of one city are not related")
        #expect(!township.isRelated(to: guangfeng))
    }

    @Test func aDivisionFileIsCheckedWholeBeforeAnythingIsAccepted() {
        let text = "code,level,name,parent_code\n36,province,江西省,\n3611,city,上饶市,36\n361102,township,错层级,3611\n3612,city,,36\n3611,city,again,36\n"
        guard case .failure(let rejected) = DivisionFile.read(text) else {
            Issue.record("a bad file was accepted")
            return
        }
        let issues = rejected.issues
        #expect(issues.map(\.kind) == [.levelMismatch, .emptyName, .duplicate])
        #expect(issues.map(\.line) == [4, 5, 6])
    }

    @Test func theVillageFileShapeIsReadToo() throws {
        let text = """
            code,parent,name,level,rank
            360000000000,100000000000,江西省,province,1
            361100000000,360000000000,上饶市,city,2
            361102000000,361100000000,信州区,county,3
            361102001000,361102000000,水南街道,town,4
            361102001001,361102001000,上滩头社区居民委员会,village,5
            """
        let records = try DivisionFile.read(text).get()
        #expect(records.map(\.code.value) == ["36", "3611", "361102", "361102001", "361102001001"])
        #expect(records.last?.parent?.value == "361102001")
    }

    @Test func aParentMayAlreadyBeInTheDatabaseButNotMissingEverywhere() throws {
        let text = "code,name,parent_code\n361102001,水南街道,361102\n"
        guard case .failure(let rejected) = DivisionFile.read(text) else { Issue.record("accepted"); return }
        #expect(rejected.issues.first?.kind == .unknownParent)
        let records = try DivisionFile.read(text, existing: [try #require(DivisionCode("361102"))]).get()
        #expect(records.count == 1)
    }

    @Test func csvQuotingAndMalformedFilesAreHandled() throws {
        let table = try CSVTable(parsing: "\u{FEFF}a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n")
        #expect(table.header == ["a", "b"])
        #expect(table.rows.first?.fields == ["x, y", "say \"hi\""])
        #expect(throws: CSVTable.ParseError.unterminatedQuote(line: 2)) { try CSVTable(parsing: "a\n\"open\n") }
        #expect(throws: CSVTable.ParseError.wrongFieldCount(line: 2, expected: 2, found: 1)) { try CSVTable(parsing: "a,b\nx\n") }
        #expect(CSVWriter.line(["=cmd", "a,b"]) == "'=cmd,\"a,b\"\r\n")
    }

    @Test func isoDaysAreRealDatesInChina() {
        #expect(ISODay.parse("2024-02-29") != nil)
        #expect(ISODay.parse("2023-02-29") == nil)
        #expect(ISODay.format(ISODay.parse("2026-10-01")!) == "2026-10-01")
    }
}
