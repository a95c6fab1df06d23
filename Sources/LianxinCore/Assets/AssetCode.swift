import Foundation

/// A city asset's code (部件编码): the county's six-digit division code, the four-digit class code and a six-digit
/// serial number, sixteen digits in all, e.g. `3611020103000017` (信州区, 雨水井盖, number 17).
public struct AssetCode: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String

    /// Reads a code; nil unless it is sixteen digits.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count == 16, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        value = trimmed
    }

    /// The county (six-digit division code) the asset is registered in.
    public var countyCode: String { String(value.prefix(6)) }
    /// The four-digit class code.
    public var classCode: String { String(value.dropFirst(6).prefix(4)) }
    /// The serial number within the county and class.
    public var serial: String { String(value.suffix(6)) }

    public var description: String { value }
}
