/// A division code in its canonical form: only the significant digits of its level
/// (`36`, `3611`, `361102`, `361102001`, `361102001001`). A code's subtree is every code
/// that starts with it, which is how scope is enforced in queries.
public struct DivisionCode: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let value: String
    public let level: DivisionLevel

    /// Parses a code written with significant digits only or zero-padded to 6 or 12 digits.
    public init?(_ raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if let level = DivisionLevel.allCases.first(where: { $0.codeLength == text.count }),
            Self.isCanonical(text, level: level)
        {
            self.value = text
            self.level = level
            return
        }
        guard text.count == 6 || text.count == 12 else { return nil }
        // A zero-padded code: drop trailing all-zero segments.
        let padded = text.count == 6 ? text + "000000" : text
        let digits = Array(padded)
        var level = DivisionLevel.community
        while let parent = level.parent,
            digits[parent.codeLength..<level.codeLength].allSatisfy({ $0 == "0" })
        {
            level = parent
        }
        let canonical = String(digits[0..<level.codeLength])
        guard Self.isCanonical(canonical, level: level) else { return nil }
        self.value = canonical
        self.level = level
    }

    /// The code zero-padded to 12 digits, as 统计用区划代码 print it.
    public var padded12: String { value + String(repeating: "0", count: 12 - value.count) }

    /// The parent code, derived from the digits.
    public var parent: DivisionCode? {
        guard let parentLevel = level.parent else { return nil }
        return DivisionCode(String(value.prefix(parentLevel.codeLength)))
    }

    /// This code and every ancestor, from here up to the province.
    public var lineage: [DivisionCode] {
        var codes = [self]
        while let parent = codes.last?.parent { codes.append(parent) }
        return codes
    }

    /// Whether `other` is this division or lies below it.
    public func contains(_ other: DivisionCode) -> Bool { other.value.hasPrefix(value) }

    /// Whether one of the two lies inside the other (the same line of the tree): a county and one
    /// of its townships are related, two counties are not. A unit may serve an order only when its
    /// division is related to the order's.
    public func isRelated(to other: DivisionCode) -> Bool { contains(other) || other.contains(self) }

    /// The smallest division containing every one of `codes` (nil for none, or no common province).
    public static func smallestContaining(_ codes: [DivisionCode]) -> DivisionCode? {
        guard let first = codes.first else { return nil }
        return first.lineage.first { ancestor in codes.allSatisfy(ancestor.contains) }
    }

    public var description: String { value }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let code = DivisionCode(raw) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "not a division code: \(raw)"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    /// The last segment of a canonical code must not be all zeros (that would be the parent).
    private static func isCanonical(_ text: String, level: DivisionLevel) -> Bool {
        let start = level.parent?.codeLength ?? 0
        let segment = text.dropFirst(start)
        return !segment.allSatisfy { $0 == "0" }
    }
}

import Foundation
