/// Folds text to the scalars that character n-grams are built from.
///
/// Full-width ASCII becomes half-width, Latin letters become lower case, digits may fold to `0`,
/// and punctuation, symbols and control characters become `separator`, which no n-gram crosses.
public struct TextNormalizer: Sendable, Hashable, Codable {
    /// The scalar value that marks a break between runs of content.
    public static let separator: UInt32 = 0
    /// The scalar value a kept space becomes.
    static let space: UInt32 = 0x20

    /// How spaces are treated.
    public var whitespace: WhitespaceHandling
    /// Whether every decimal digit becomes `0`, so numbers of the same shape share n-grams.
    public var foldsDigits: Bool

    /// Creates a normaliser.
    public init(whitespace: WhitespaceHandling = .ignore, foldsDigits: Bool = true) {
        self.whitespace = whitespace
        self.foldsDigits = foldsDigits
    }

    /// Returns the normalised scalars of `text`, runs separated by single `separator` values.
    public func scalars(of text: String) -> [UInt32] {
        var output: [UInt32] = []
        output.reserveCapacity(text.utf8.count / 2 + 1)
        for scalar in text.unicodeScalars {
            let value = fold(scalar.value)
            switch kind(of: value) {
            case .content:
                output.append(value)
            case .space:
                switch whitespace {
                case .ignore: break
                case .separate: appendSeparator(to: &output)
                case .keep:
                    if let last = output.last, last != Self.space, last != Self.separator { output.append(Self.space) }
                }
            case .separator:
                appendSeparator(to: &output)
            }
        }
        if output.last == Self.separator || output.last == Self.space { output.removeLast() }
        return output
    }

    private func appendSeparator(to output: inout [UInt32]) {
        if output.last == Self.space { output.removeLast() }
        if let last = output.last, last != Self.separator { output.append(Self.separator) }
    }

    private func fold(_ value: UInt32) -> UInt32 {
        var value = value
        if value == 0x3000 { return Self.space }
        if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
        if (0x41...0x5A).contains(value) { return value + 0x20 }
        if foldsDigits, (0x30...0x39).contains(value) { return 0x30 }
        return value
    }

    private enum Kind { case content, space, separator }

    private func kind(of value: UInt32) -> Kind {
        switch value {
        case 0x30...0x39, 0x61...0x7A, 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x3134F:
            return .content
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000:
            return .space
        case 0...0x7F:
            return .separator
        default:
            guard let scalar = Unicode.Scalar(value) else { return .separator }
            if scalar.properties.isWhitespace { return .space }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return .content }
            return .separator
        }
    }
}
