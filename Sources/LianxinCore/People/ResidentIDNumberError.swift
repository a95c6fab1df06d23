/// Why a resident ID number was rejected, with a message in Chinese and English.
public enum ResidentIDNumberError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not 18 characters.
    case length(Int)
    /// A character that is not allowed at its 1-based position (digits; the last may be X).
    case characters(position: Int)
    /// The first two digits are not a province-level code.
    case region(String)
    /// The embedded birth date (YYYYMMDD) is not a real date.
    case birthDate(String)
    /// The embedded birth date lies in the future.
    case futureBirthDate(String)
    /// The ISO 7064 MOD 11-2 check character does not match.
    case checksum(expected: Character, found: Character)

    /// The message in English.
    public var englishMessage: String {
        switch self {
        case .length(let count): "an ID number has 18 characters, this one has \(count)"
        case .characters(let position): "character \(position) must be a digit (only the last may be X)"
        case .region(let prefix): "\(prefix) is not a province-level region code"
        case .birthDate(let digits): "the birth date \(digits) is not a real date"
        case .futureBirthDate(let digits): "the birth date \(digits) is in the future"
        case .checksum(let expected, let found): "check character is \(found) but should be \(expected)"
        }
    }

    /// The message in Chinese.
    public var chineseMessage: String {
        switch self {
        case .length(let count): "身份证号码应为 18 位，此号码为 \(count) 位"
        case .characters(let position): "第 \(position) 位必须是数字（仅最后一位可以是 X）"
        case .region(let prefix): "\(prefix) 不是省级行政区划代码"
        case .birthDate(let digits): "出生日期 \(digits) 不是有效日期"
        case .futureBirthDate(let digits): "出生日期 \(digits) 晚于今天"
        case .checksum(let expected, let found): "校验码为 \(found)，应为 \(expected)"
        }
    }

    public var description: String { englishMessage }
}
