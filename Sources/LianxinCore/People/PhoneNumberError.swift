/// Why a phone number was rejected, with a message in Chinese and English.
public enum PhoneNumberError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing but separators.
    case empty
    /// A character other than digits, spaces, hyphens, brackets or a leading plus.
    case characters
    /// Digits that form neither a mobile nor a landline number.
    case unrecognized(String)

    /// The message in English.
    public var englishMessage: String {
        switch self {
        case .empty: "the phone number is empty"
        case .characters: "a phone number may contain only digits, spaces, hyphens and brackets"
        case .unrecognized: "enter an 11-digit mobile number, or a landline number with its area code"
        }
    }

    /// The message in Chinese.
    public var chineseMessage: String {
        switch self {
        case .empty: "电话号码为空"
        case .characters: "电话号码只能包含数字、空格、连字符和括号"
        case .unrecognized: "请填写11位手机号码，或带区号的固定电话号码"
        }
    }

    public var description: String { englishMessage }
}
