import Testing
import LianxinCore

@Suite struct MaskingAndPhoneTests {
    @Test func idNumbersKeepTheFirstSixAndLastFour() {
        #expect(PersonalDataMask.idNumber("11010519491231002X") == "110105********002X")
        #expect(PersonalDataMask.idNumber("123456") == "******")
    }

    @Test func mobilesAreNormalisedFromCommonSpellings() throws {
        for text in ["13812345678", "138 1234 5678", "+86 138-1234-5678", "008613812345678", "１３８１２３４５６７８"] {
            let number = try PhoneNumber(parsing: text)
            #expect(number.kind == .mobile)
            #expect(number.value == "13812345678")
            #expect(number.masked == "138****5678")
        }
    }

    @Test func landlinesGetTheirAreaCode() throws {
        #expect(try PhoneNumber(parsing: "0793-1234567").value == "0793-1234567")
        #expect(try PhoneNumber(parsing: "(0793)8234567").value == "0793-8234567")
        #expect(try PhoneNumber(parsing: "07938234567").value == "0793-8234567")
        #expect(try PhoneNumber(parsing: "010 62345678").value == "010-62345678")
        #expect(try PhoneNumber(parsing: "021-62345678").kind == .landline)
        #expect(try PhoneNumber(parsing: "0793-1234567").masked == "0793-***4567")
    }

    @Test func malformedNumbersAreRejected() {
        #expect(throws: PhoneNumberError.unrecognized("12812345678")) { try PhoneNumber(parsing: "12812345678") }
        #expect(throws: PhoneNumberError.unrecognized("1381234567")) { try PhoneNumber(parsing: "1381234567") }
        #expect(throws: PhoneNumberError.unrecognized("07930234567")) { try PhoneNumber(parsing: "0793-0234567") }
        #expect(throws: PhoneNumberError.unrecognized("0012345678")) { try PhoneNumber(parsing: "0012345678") }
        #expect(throws: PhoneNumberError.characters) { try PhoneNumber(parsing: "138abc") }
        #expect(throws: PhoneNumberError.empty) { try PhoneNumber(parsing: " - ") }
    }

    @Test func phoneMaskingFallsBackToTheLastFourDigits() {
        #expect(PersonalDataMask.phone("13812345678") == "138****5678")
        #expect(PersonalDataMask.phone("12345-6789") == "******6789")
    }

    @Test func namesShowOnlyTheSurname() {
        #expect(PersonalDataMask.name("张三") == "张*")
        #expect(PersonalDataMask.name("王小明") == "王**")
        #expect(PersonalDataMask.name("欧阳娜娜") == "欧阳**")
        #expect(PersonalDataMask.name("司马光") == "司马*")
        #expect(PersonalDataMask.name("欧阳") == "欧*")
        #expect(PersonalDataMask.name("李") == "*")
    }
}
