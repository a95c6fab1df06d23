import Foundation

/// The password rule: at least `minimumLength` characters drawn from at least
/// `requiredClasses` of the four classes (lower case, upper case, digits, symbols).
public struct PasswordPolicy: Sendable, Equatable {
    public var minimumLength: Int
    public var requiredClasses: Int
    /// Days a password may be used before it must be changed (定期更换); nil: no limit.
    public var maximumAgeDays: Int?

    public init(minimumLength: Int = 8, requiredClasses: Int = 3, maximumAgeDays: Int? = nil) {
        self.minimumLength = minimumLength
        self.requiredClasses = requiredClasses
        self.maximumAgeDays = maximumAgeDays
    }

    /// Whether a password set at `changedAt` must be changed before anything else at `now`.
    public func isExpired(changedAt: Date, at now: Date) -> Bool {
        guard let days = maximumAgeDays, days > 0 else { return false }
        return now.timeIntervalSince(changedAt) > Double(days) * 86_400
    }

    /// Why a password was refused.
    public enum Violation: Error, Equatable, Sendable {
        case tooShort(minimum: Int)
        case tooFewClasses(required: Int, found: Int)
        case containsUsername
    }

    /// Checks `password`; `username`, when given, must not appear inside it.
    public func check(_ password: String, username: String? = nil) -> Violation? {
        if password.count < minimumLength { return .tooShort(minimum: minimumLength) }
        var lower = false, upper = false, digit = false, symbol = false
        for scalar in password.unicodeScalars {
            switch scalar {
            case "a"..."z": lower = true
            case "A"..."Z": upper = true
            case "0"..."9": digit = true
            default: symbol = true
            }
        }
        let found = [lower, upper, digit, symbol].filter { $0 }.count
        if found < requiredClasses { return .tooFewClasses(required: requiredClasses, found: found) }
        if let username, username.count >= 3,
            password.lowercased().contains(username.lowercased())
        {
            return .containsUsername
        }
        return nil
    }
}

extension PasswordPolicy.Violation {
    /// A message for the person choosing the password, in Chinese or English.
    public func message(english: Bool) -> String {
        switch self {
        case .tooShort(let minimum):
            english
                ? "Password must be at least \(minimum) characters long."
                : "密码长度至少为 \(minimum) 位。"
        case .tooFewClasses(let required, _):
            english
                ? "Password must mix at least \(required) of: lower case, upper case, digits, symbols."
                : "密码须包含小写字母、大写字母、数字、符号中的至少 \(required) 类。"
        case .containsUsername:
            english ? "Password must not contain the user name." : "密码不能包含用户名。"
        }
    }
}
