extension RecurrencePattern {
    /// Reads the days of a schedule in Chinese (already half-width): 每天, 每周二、四, 每月第一个周六,
    /// 每月最后一个周五, 每月15日, 农历逢三、六、九, 逢五逢十, 2025年3月6日, 2025-03-06; nil for anything else.
    init?(chinese text: String) {
        let text = text.filter { $0 != " " }
        if text == "每天" || text == "每日" {
            self = .weekly(weekdays: Weekday.allCases)
        } else if let rest = text.dropPrefix(["每周", "每个星期", "每星期", "每礼拜"]) {
            guard let weekdays = Self.weekdays(in: rest) else { return nil }
            self = .weekly(weekdays: weekdays)
        } else if let rest = text.dropPrefix(["每个月", "每月"]) {
            guard let pattern = Self.monthly(rest) else { return nil }
            self = pattern
        } else if let rest = text.dropPrefix(["农历逢", "阴历逢", "逢"]) {
            guard let digits = Self.marketDigits(in: rest) else { return nil }
            self = .lunarMarketDays(digits: digits)
        } else if let date = Self.date(text) {
            self = .once(date: date)
        } else {
            return nil
        }
    }

    /// 四 → [Thursday]; 二、四 / 周二、周四 / 二和四 → [Tuesday, Thursday].
    private static func weekdays(in text: Substring) -> [Weekday]? {
        let bare = ["星期", "礼拜", "周", "和", "及", "与", "、", ",", "/"].reduce(String(text)) { text, word in
            text.split(separator: word, omittingEmptySubsequences: true).joined()
        }
        let weekdays = bare.map(Weekday.init(chineseNumeral:))
        guard !weekdays.isEmpty, !weekdays.contains(nil) else { return nil }
        return weekdays.compactMap { $0 }
    }

    /// 第一个周六 / 第1个星期六 / 最后一个周五 / 15日 / 十五号.
    private static func monthly(_ text: Substring) -> RecurrencePattern? {
        if let match = text.wholeMatch(of: /第(.{1,2}?)个?(?:周|星期|礼拜)(.)/) {
            guard let number = ChineseNumerals.value(of: match.output.1),
                let ordinal = WeekdayOrdinal(rawValue: number), ordinal != .last,
                let character = match.output.2.first, let weekday = Weekday(chineseNumeral: character)
            else { return nil }
            return .monthlyByWeekday(ordinal: ordinal, weekday: weekday)
        }
        if let match = text.wholeMatch(of: /最后一?个?(?:周|星期|礼拜)(.)/) {
            guard let character = match.output.1.first, let weekday = Weekday(chineseNumeral: character) else { return nil }
            return .monthlyByWeekday(ordinal: .last, weekday: weekday)
        }
        if let match = text.wholeMatch(of: /(.{1,3}?)[日号]/), let day = ChineseNumerals.value(of: match.output.1) {
            return .monthlyByDay(day: day)
        }
        return nil
    }

    /// 三、六、九 → [3, 6, 9]; 五逢十 (from 逢五逢十) → [5, 0]; 一四七 → [1, 4, 7].
    private static func marketDigits(in text: Substring) -> [Int]? {
        var digits: [Int] = []
        for character in text where !["逢", "、", ",", "和", "/"].contains(character) {
            if character == "十" {
                digits.append(0)
            } else if let digit = ChineseNumerals.digit(character), digit > 0 {
                digits.append(digit)
            } else {
                return nil
            }
        }
        return digits.isEmpty ? nil : digits
    }

    /// 2025年3月6日 or 2025-03-06.
    private static func date(_ text: String) -> LocalDate? {
        if let match = text.wholeMatch(of: /(\d{4})年(\d{1,2})月(\d{1,2})[日号]/),
            let year = Int(match.output.1), let month = Int(match.output.2), let day = Int(match.output.3)
        {
            return LocalDate(year: year, month: month, day: day)
        }
        return LocalDate(iso: text)
    }
}

private extension String {
    /// The rest of the text after the first of `prefixes` it starts with, or nil.
    func dropPrefix(_ prefixes: [String]) -> Substring? {
        prefixes.first(where: hasPrefix).map { dropFirst($0.count) }
    }
}
