import Foundation

/// The scanners behind `PIIRedactor`, each over the text's characters.
enum Scan {
    typealias Finding = PIIRedactor.Finding

    // MARK: Characters

    static func digit(_ c: Character) -> Character? {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return nil }
        switch scalar.value {
        case 0x30...0x39: return c
        case 0xFF10...0xFF19: return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
        default: return nil
        }
    }

    static func isX(_ c: Character) -> Bool { c == "X" || c == "x" || c == "Ｘ" || c == "ｘ" }

    static let spokenDigits: Set<Character> = ["零", "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "幺", "两"]

    static func isDigitLike(_ c: Character) -> Bool { digit(c) != nil || isX(c) || spokenDigits.contains(c) }

    static let separators: Set<Character> = [" ", "\u{00A0}", "\u{3000}", "-", "－", "–", "—", ".", "．", "(", ")", "（", "）"]
    static let dateSeparators: Set<Character> = ["-", "－", ".", "．", "/", "／"]

    static func isHan(_ c: Character) -> Bool {
        guard let value = c.unicodeScalars.first?.value else { return false }
        return (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
    }

    // MARK: Numbers

    /// A run of digit groups joined by short separators: "+86 138-0000-1234", "０７９３－１２３４５６７".
    struct Run {
        var start: Int
        var groups: [Range<Int>] = []
        var end: Int { groups.last?.upperBound ?? start }
    }

    static func run(_ text: [Character], from start: Int) -> Run {
        var run = Run(start: start)
        var index = start
        if text[index] == "+" || text[index] == "＋" { index += 1 }
        while index < text.count, digit(text[index]) != nil {
            let groupStart = index
            while index < text.count, digit(text[index]) != nil { index += 1 }
            run.groups.append(groupStart..<index)
            var gap = index
            while gap < text.count, gap - index < 3, separators.contains(text[gap]) { gap += 1 }
            guard gap > index, gap < text.count, digit(text[gap]) != nil else { break }
            index = gap
        }
        return run
    }

    /// Whether the run's first three groups are a date (2026-11-25, 2026.11.25), written with date separators.
    static func dateGroups(_ text: [Character], _ groups: [Range<Int>]) -> Bool {
        guard groups.count >= 3, groups[0].count == 4, (1...2).contains(groups[1].count), (1...2).contains(groups[2].count) else { return false }
        let year = String(text[groups[0]].compactMap(digit))
        guard year.hasPrefix("19") || year.hasPrefix("20") else { return false }
        return [groups[0].upperBound..<groups[1].lowerBound, groups[1].upperBound..<groups[2].lowerBound].allSatisfy { gap in
            gap.count == 1 && dateSeparators.contains(text[gap.lowerBound])
        }
    }

    static func numbers(_ text: [Character]) -> [Finding] {
        var found: [Finding] = []
        var index = 0
        while index < text.count {
            let signed = (text[index] == "+" || text[index] == "＋") && index + 1 < text.count && digit(text[index + 1]) != nil
            guard digit(text[index]) != nil || signed, index == 0 || digit(text[index - 1]) == nil else {
                index += 1
                continue
            }
            let digits = Scan.run(text, from: index)
            if dateGroups(text, digits.groups) {
                index = digits.groups[2].upperBound
                continue
            }
            var number = digits.groups.map { String(text[$0].compactMap(digit)) }.joined()
            var end = digits.end
            if number.count == 17, end < text.count, isX(text[end]) {
                number += "X"
                end += 1
            }
            if let kind = kind(of: number) { found.append(Finding(kind: kind, range: digits.start..<end)) }
            index = max(end, index + 1)
        }
        return found
    }

    /// What a number of these digits is, or nil when it is too short to identify anyone.
    static func kind(of digits: String) -> PIIRedactor.Kind? {
        let count = digits.count
        let national = digits.hasPrefix("86") && count == 13 ? String(digits.dropFirst(2)) : digits
        if national.count == 11, national.hasPrefix("1"), let second = national.dropFirst().first, ("3"..."9").contains(second) { return .mobile }
        if count == 18 || count == 15 { return .idNumber }
        if digits.hasPrefix("0"), (10...12).contains(count) { return .landline }
        if (16...19).contains(count) { return .bankCard }
        if (7...8).contains(count) { return .landline }
        return count >= 7 ? .number : nil
    }

    /// Phone and ID numbers read out in Chinese digits: 一三八零零零零一二三四.
    static func spokenNumbers(_ text: [Character]) -> [Finding] {
        var found: [Finding] = []
        var index = 0
        while index < text.count {
            guard spokenDigits.contains(text[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < text.count, spokenDigits.contains(text[end]) { end += 1 }
            if end - index >= 7 { found.append(Finding(kind: .number, range: index..<end)) }
            index = end
        }
        return found
    }

    // MARK: E-mail

    static func emails(_ text: [Character]) -> [Finding] {
        func local(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || "._%+-".contains(c)) }
        func domain(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || ".-".contains(c)) }
        var found: [Finding] = []
        for (at, c) in text.enumerated() where c == "@" {
            var start = at
            while start > 0, local(text[start - 1]) { start -= 1 }
            var end = at + 1
            while end < text.count, domain(text[end]) { end += 1 }
            while end > at + 1, text[end - 1] == "." { end -= 1 }
            guard start < at, text[(at + 1)..<end].contains("."), found.last.map({ $0.range.upperBound <= start }) ?? true else { continue }
            found.append(Finding(kind: .email, range: start..<end))
        }
        return found
    }
}
