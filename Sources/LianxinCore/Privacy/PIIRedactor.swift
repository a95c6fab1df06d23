import Foundation

/// Removes personal data from Chinese free text before it is shown to the public (Open311 reads,
/// public notes): phone numbers (mobile and landline, with +86, in any spacing, dashes, dots,
/// brackets or full-width digits, even spoken as Chinese digits), 15/18-digit ID numbers (final X in
/// either width), bank card numbers, e-mail addresses, the names that follow 姓名/来电人/联系人/反映人/
/// 市民 and the like, and door details (…号…栋…单元…室, 3-2-501). Numbers become stars digit for digit
/// (the separators stay, so the text keeps its shape), a name keeps its first character (张三丰 → 张**),
/// and door details become `***` after the road, which is kept (幸福路18号3栋502室 → 幸福路***).
/// Dates (2026-11-25, 11月25号) and short numbers (3 人, 12 号文件) stay readable.
public enum PIIRedactor {
    /// What was found; `redact` hides them all.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case mobile, landline, idNumber, bankCard, number, email, name, door
    }

    /// One finding: its kind and the character range it covers in the text.
    public struct Finding: Sendable, Hashable {
        public let kind: Kind
        public let range: Range<Int>
    }

    /// The text with every finding hidden.
    public static func redact(_ text: String) -> String {
        var characters = Array(text)
        // Later findings first, so earlier ranges stay valid when a door detail shrinks to ***.
        for finding in findings(in: characters).sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            switch finding.kind {
            case .door:
                characters.replaceSubrange(finding.range, with: Array("***"))
            case .name:
                for index in finding.range.dropFirst() { characters[index] = "*" }
            case .email:
                for index in finding.range where characters[index] != "@" { characters[index] = "*" }
            default:
                for index in finding.range where Scan.isDigitLike(characters[index]) { characters[index] = "*" }
            }
        }
        return String(characters)
    }

    /// Every finding in `text`, in order, none overlapping (character offsets).
    public static func findings(in text: String) -> [Finding] { findings(in: Array(text)) }

    static func findings(in characters: [Character]) -> [Finding] {
        var found: [Finding] = []
        var taken = [Bool](repeating: false, count: characters.count)
        func add(_ finding: Finding) {
            guard !finding.range.isEmpty else { return }
            guard finding.range.contains(where: { taken[$0] }) else {
                for index in finding.range { taken[index] = true }
                found.append(finding)
                return
            }
            // A number that runs into a door detail (1234567(3-2-501) keeps the part outside it:
            // its digits are still starred. Names, e-mail and doors are all or nothing.
            guard ![.door, .name, .email].contains(finding.kind) else { return }
            var start: Int?
            for index in finding.range.lowerBound...finding.range.upperBound {
                let free = index < finding.range.upperBound && !taken[index]
                if free, start == nil { start = index }
                if !free, let first = start {
                    for position in first..<index { taken[position] = true }
                    found.append(Finding(kind: finding.kind, range: first..<index))
                    start = nil
                }
            }
        }
        Scan.emails(characters).forEach(add)
        Scan.doors(characters).forEach(add)
        Scan.numbers(characters).forEach(add)
        Scan.spokenNumbers(characters).forEach(add)
        Scan.names(characters).forEach(add)
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

/// A point rounded for publication: 3 decimals of a degree is about 110 m north–south, enough to
/// find the street and not the door.
public enum CoarseLocation {
    public static let decimals = 3

    public static func coarsen(_ degrees: Double, decimals: Int = CoarseLocation.decimals) -> Double {
        let scale = pow(10, Double(decimals))
        return (degrees * scale).rounded() / scale
    }
}
