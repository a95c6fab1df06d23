import Foundation

/// A shape in which audit details are recorded (`imported {count} units`), from the locale files' `audit_tpl_*`
/// texts: the English text is the recorded shape, each language says how it reads. Details already in the log keep
/// their recorded text (the chain is append-only); the page rewords them when it shows them.
struct AuditDetailTemplate: Sendable {
    let key: String
    private let pattern: NSRegularExpression
    private let names: [String]
    private let fixedLength: Int

    /// A piece of a reading: fixed words, or the value of the recorded shape's placeholder at an index.
    enum Piece: Equatable {
        case literal(String)
        case value(Int)
    }

    /// `{name}` in a shape or a reading.
    private static var placeholder: Regex<(Substring, Substring)> { #/\{([a-z]+)\}/# }

    init?(key: String, shape: String) {
        var expression = "^"
        var names: [String] = []
        var rest = Substring(shape)
        var fixed = 0
        while let match = rest.firstMatch(of: Self.placeholder) {
            let literal = String(rest[..<match.range.lowerBound])
            expression += NSRegularExpression.escapedPattern(for: literal) + "(.+?)"
            fixed += literal.count
            names.append(String(match.output.1))
            rest = rest[match.range.upperBound...]
        }
        expression += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
        fixed += rest.count
        guard let pattern = try? NSRegularExpression(pattern: expression, options: [.dotMatchesLineSeparators]) else { return nil }
        (self.key, self.pattern, self.names, self.fixedLength) = (key, pattern, names, fixed)
    }

    /// The values of `detail` in placeholder order, when it has this shape.
    func match(_ detail: String) -> [String]? {
        let range = NSRange(detail.startIndex..., in: detail)
        guard let result = pattern.firstMatch(in: detail, range: range) else { return nil }
        return (0..<names.count).map { index in
            Range(result.range(at: index + 1), in: detail).map { String(detail[$0]) } ?? ""
        }
    }

    /// How the shape reads in `language`: its text with each `{name}` as the value it stands for.
    func reading(in texts: Localizer, _ language: Localizer.Language) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(texts.text(key, language))
        while let match = rest.firstMatch(of: Self.placeholder) {
            let literal = String(rest[..<match.range.lowerBound])
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            if let index = names.firstIndex(of: String(match.output.1)) { pieces.append(.value(index)) }
            rest = rest[match.range.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        return pieces
    }

    /// Every shape the texts list, the most specific (longest fixed text) first.
    static func all(in english: [String: String]) -> [AuditDetailTemplate] {
        english.filter { $0.key.hasPrefix("audit_tpl_") }.compactMap { AuditDetailTemplate(key: $0.key, shape: $0.value) }
            .sorted { ($0.fixedLength, $0.key) > ($1.fixedLength, $1.key) }
    }
}
