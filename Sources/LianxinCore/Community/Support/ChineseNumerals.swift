/// Chinese numerals as calendars and schedules write them (一, 十五, 廿三).
enum ChineseNumerals {
    static let digitCharacters: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// 1…99 written out: 一, 十, 十五, 二十, 二十三.
    static func name(of number: Int) -> String {
        let tens = number / 10, ones = number % 10
        let tensText = tens == 0 ? "" : (tens == 1 ? "" : String(digitCharacters[tens])) + "十"
        return tensText + (ones == 0 ? "" : String(digitCharacters[ones]))
    }

    /// Reads 1…99 in ASCII digits or Chinese numerals (十五, 二十三, 廿三, 卅); nil for anything else.
    static func value(of text: some StringProtocol) -> Int? {
        if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return Int(text).flatMap { (1...99).contains($0) ? $0 : nil }
        }
        var total = 0, pending: Int?
        for character in text {
            if let digit = digit(character) {
                guard pending == nil else { return nil }
                pending = digit
            } else if let tens = tensValue(character) {
                guard total == 0 else { return nil }
                if character == "十" {
                    total = (pending ?? 1) * 10
                } else {
                    guard pending == nil else { return nil }
                    total = tens
                }
                pending = nil
            } else {
                return nil
            }
        }
        let value = total + (pending ?? 0)
        return (1...99).contains(value) ? value : nil
    }

    /// The value of one Chinese digit 〇/零…九 (两 for 二).
    static func digit(_ character: Character) -> Int? {
        switch character {
        case "零": 0
        case "两": 2
        default: digitCharacters.firstIndex(of: character)
        }
    }

    private static func tensValue(_ character: Character) -> Int? {
        switch character {
        case "十": 10
        case "廿": 20
        case "卅": 30
        default: nil
        }
    }
}
