import Foundation
import Testing
import LianxinCore

@Suite struct ResidentIDNumberTests {
    /// 2025-06-01 12:00 China Standard Time.
    let now = Date(timeIntervalSince1970: 1_748_750_400)

    func failure(_ text: String) -> ResidentIDNumberError? {
        do {
            _ = try ResidentIDNumber(validating: text, now: now)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: ["11010519491231002X", "440524188001010014", "361102199003071237", "361123200002290515"])
    func publishedAndConstructedValidNumbersPass(_ text: String) throws {
        let number = try ResidentIDNumber(validating: text, now: now)
        #expect(number.value == text)
    }

    @Test func aLowercaseCheckCharacterIsAcceptedAndNormalised() throws {
        #expect(try ResidentIDNumber(validating: "11010519491231002x", now: now).value == "11010519491231002X")
    }

    @Test func birthDateGenderAndRegionAreExtracted() throws {
        let number = try ResidentIDNumber(validating: "11010519491231002X", now: now)
        #expect(number.birthDate == ResidentIDNumber.BirthDate(year: 1949, month: 12, day: 31))
        #expect(number.birthDate.description == "1949-12-31")
        #expect(number.gender == .female)
        #expect(number.regionCode == "110105")
        #expect(try ResidentIDNumber(validating: "440524188001010014", now: now).gender == .male)
    }

    @Test func theNumberIsMaskedWhenPrinted() throws {
        let number = try ResidentIDNumber(validating: "11010519491231002X", now: now)
        #expect("\(number)" == "110105********002X")
    }

    @Test func eachKindOfMistakeHasItsOwnError() {
        #expect(failure("11010519491231002") == .length(17))
        #expect(failure("1101051949123100211") == .length(19))
        #expect(failure("11010519491231X02X") == .characters(position: 15))
        #expect(failure("1101051949123100２X") == .characters(position: 17))
        #expect(failure("99010519491231002X") == .region("990105"))
        #expect(failure("110105194902300020") == .birthDate("19490230"))
        #expect(failure("110105190002290020") == .birthDate("19000229"))
        #expect(failure("110105209912310010") == .futureBirthDate("20991231"))
        #expect(failure("110105194912310021") == .checksum(expected: "X", found: "1"))
    }

    @Test func errorsSpeakChineseAndEnglish() {
        let error = ResidentIDNumberError.checksum(expected: "X", found: "1")
        #expect(error.chineseMessage.contains("校验码"))
        #expect(error.englishMessage.contains("check character"))
    }

    @Test func theCheckCharacterFollowsISO7064() {
        #expect(ResidentIDNumber.checkCharacter(forFirst17: Array("11010519491231002").map { Int(String($0))! }) == "X")
        #expect(ResidentIDNumber.checkCharacter(forFirst17: Array("44052418800101001").map { Int(String($0))! }) == "4")
    }
}
