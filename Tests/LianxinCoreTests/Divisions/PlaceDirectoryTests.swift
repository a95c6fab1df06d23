import Foundation
import Testing

@testable import LianxinCore

@Suite struct PlaceDirectoryTests {
    private let directory = PlaceDirectory(
        csv: """
            code,level,name,parent_code
            11,province,北京市,
            1101,city,市辖区,11
            110101,county,东城区,1101
            36,province,江西省,
            3611,city,上饶市,36
            361102,county,信州区,3611
            361103,county,广丰区,3611
            3607,city,赣州市,36
            360702,county,章贡区,3607
            44,province,广东省,
            4419,city,东莞市,44
            4401,city,广州市,44
            440103,county,荔湾区,4401
            440111,county,白云区,4401
            52,province,贵州省,
            5201,city,贵阳市,52
            520113,county,白云区,5201

            """)

    @Test func aPlaceIsNamedInFullWithoutPlaceholders() {
        #expect(directory.place("361103")?.fullName == "江西省上饶市广丰区")
        #expect(directory.place("110101")?.fullName == "北京市东城区", "市辖区 is a grouping, not a name")
    }

    @Test func peoplesWordsFindTheirCounty() {
        for words in ["广丰区", "上饶市广丰区", "江西省上饶市广丰区", "江西上饶广丰", "广丰", " 上饶 广丰区 "] {
            #expect(directory.matches(words).map(\.code) == ["361103"], "\(words)")
        }
        #expect(directory.matches("东莞").map(\.code) == ["4419"], "a city without counties is a place too")
        #expect(directory.matches("东城区").map(\.code) == ["110101"])
    }

    @Test func aNameTwoPlacesShareAsksToChoose() {
        #expect(directory.matches("白云区").map(\.code) == ["440111", "520113"])
        #expect(directory.matches("贵阳市白云区").map(\.code) == ["520113"])
        #expect(directory.matches("火星").isEmpty)
        #expect(directory.matches("区").isEmpty, "one character names nothing")
    }

    @Test func anIDNumberSuggestsTheCountyItWasIssuedIn() {
        #expect(directory.issuingPlace(ofIDNumber: "361103199505050011")?.name == "广丰区")
        #expect(directory.issuingPlace(ofIDNumber: "999999199505050011") == nil)
    }

    @Test func theShippedListReadsAsADivisionFile() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../Resources/Data/divisions-china-counties.csv"
        ).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard case .success(let records) = DivisionFile.read(text) else {
            Issue.record("the shipped national list is not a valid division file")
            return
        }
        #expect(records.filter { $0.code.level == .province }.count == 34)
        #expect(records.count > 3_000)
        let shipped = PlaceDirectory(csv: text)
        #expect(shipped.matches("峡江县").map(\.fullName) == ["江西省吉安市峡江县"])
        #expect(shipped.matches("广信区").map(\.code) == ["361104"], "Jiangxi comes from the 2023 codes")
    }
}
