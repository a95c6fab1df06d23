import Foundation

/// A validated 18-character resident identity number (公民身份号码, GB 11643-1999).
///
/// Layout: 6-digit region code, 8-digit birth date, 3-digit sequence (odd for men, even for women)
/// and an ISO 7064 MOD 11-2 check character (0–9 or X).
public struct ResidentIDNumber: Sendable, Hashable, CustomStringConvertible {
    /// Gender as encoded by the sequence number's parity.
    public enum Gender: String, Sendable, Hashable, Codable {
        /// Odd sequence number.
        case male
        /// Even sequence number.
        case female
    }

    /// A calendar date of birth.
    public struct BirthDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
        /// Year, e.g. 1949.
        public var year: Int
        /// Month, 1–12.
        public var month: Int
        /// Day of month, 1–31.
        public var day: Int

        /// Creates a date; it is not checked.
        public init(year: Int, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }

        public static func < (lhs: BirthDate, rhs: BirthDate) -> Bool {
            (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
        }

        public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
    }

    /// The number, with a lowercase x check character made uppercase.
    public let value: String

    /// Validates the number; `now` and `timeZone` decide what "in the future" means for the birth date.
    public init(validating text: String, now: Date, timeZone: TimeZone = ResidentIDNumber.chinaTimeZone) throws(ResidentIDNumberError) {
        let characters = Array(text.uppercased())
        guard characters.count == 18 else { throw .length(characters.count) }
        for (offset, character) in characters.enumerated() {
            let allowed = character.isASCII && (character.isNumber || (offset == 17 && character == "X"))
            guard allowed else { throw .characters(position: offset + 1) }
        }
        let digits = characters.prefix(17).map { Int(String($0))! }
        let province = digits[0] * 10 + digits[1]
        guard ResidentIDNumber.provinceCodes.contains(province) else { throw .region(String(characters[0..<6])) }
        let dateText = String(characters[6..<14])
        let birth = BirthDate(
            year: digits[6...9].reduce(0) { $0 * 10 + $1 },
            month: digits[10] * 10 + digits[11],
            day: digits[12] * 10 + digits[13]
        )
        guard birth.year >= 1850, ResidentIDNumber.isRealDate(birth) else { throw .birthDate(dateText) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let today = calendar.dateComponents([.year, .month, .day], from: now)
        guard birth <= BirthDate(year: today.year ?? 0, month: today.month ?? 0, day: today.day ?? 0) else {
            throw .futureBirthDate(dateText)
        }
        let expected = ResidentIDNumber.checkCharacter(forFirst17: digits)
        guard characters[17] == expected else { throw .checksum(expected: expected, found: characters[17]) }
        value = String(characters)
    }

    /// The 6-digit region code of the place of first registration.
    public var regionCode: String { String(value.prefix(6)) }

    /// The date of birth embedded in the number.
    public var birthDate: BirthDate {
        let digits = value.dropFirst(6).prefix(8).map { Int(String($0))! }
        return BirthDate(
            year: digits[0...3].reduce(0) { $0 * 10 + $1 }, month: digits[4] * 10 + digits[5], day: digits[6] * 10 + digits[7]
        )
    }

    /// The gender encoded by the 17th digit.
    public var gender: Gender {
        let digit = Int(String(value.dropFirst(16).prefix(1)))!
        return digit % 2 == 1 ? .male : .female
    }

    /// The masked form shown by default: first 6 and last 4 characters.
    public var masked: String { PersonalDataMask.idNumber(value) }

    /// The masked form, so that logs and interpolations never leak the number.
    public var description: String { masked }

    /// The ISO 7064 MOD 11-2 check character for the first 17 digits.
    public static func checkCharacter(forFirst17 digits: [Int]) -> Character {
        // Weight of position i is 2^(17 − i) mod 11.
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = (12 - sum % 11) % 11
        return check == 10 ? "X" : Character(String(check))
    }

    /// China Standard Time, in which birth dates are counted.
    public static let chinaTimeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!

    /// Province-level codes of GB/T 2260, plus 71 (Taiwan) and 81–83 (Hong Kong, Macao, Taiwan residence permits).
    private static let provinceCodes: Set<Int> = [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
    ]

    private static func isRealDate(_ date: BirthDate) -> Bool {
        guard (1...12).contains(date.month), date.day >= 1 else { return false }
        let leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return date.day <= lengths[date.month - 1]
    }
}
