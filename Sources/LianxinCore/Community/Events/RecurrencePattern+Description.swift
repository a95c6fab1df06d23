extension RecurrencePattern {
    /// The days in words: zh 每周四, 每月第一个周六, 农历逢三、六、九; en Every Thursday, The first Saturday of every month.
    public func description(language: DisplayLanguage) -> String {
        switch language {
        case .zhCN: chineseDescription
        case .en: englishDescription
        }
    }

    private var chineseDescription: String {
        switch self {
        case .weekly(let weekdays) where Set(weekdays).count == Weekday.allCases.count:
            "每天"
        case .weekly(let weekdays):
            "每" + weekdays.map { $0.name(in: .zhCN) }.joined(separator: "、")
        case .monthlyByWeekday(let ordinal, let weekday):
            "每月" + ordinal.name(in: .zhCN) + weekday.name(in: .zhCN)
        case .monthlyByDay(let day):
            "每月\(day)日"
        case .lunarMarketDays(let digits):
            "农历逢" + digits.map { $0 == 0 ? "十" : ChineseNumerals.name(of: $0) }.joined(separator: "、")
        case .once(let date):
            "\(date.components.year)年\(date.components.month)月\(date.components.day)日"
        }
    }

    private var englishDescription: String {
        switch self {
        case .weekly(let weekdays) where Set(weekdays).count == Weekday.allCases.count:
            "Every day"
        case .weekly(let weekdays):
            "Every " + Self.list(weekdays.map { $0.name(in: .en) })
        case .monthlyByWeekday(let ordinal, let weekday):
            "The \(ordinal.name(in: .en)) \(weekday.name(in: .en)) of every month"
        case .monthlyByDay(let day):
            "The \(Self.ordinal(day)) of every month"
        case .lunarMarketDays(let digits):
            "Days " + Self.list(Self.lunarDays(endingIn: digits).map(String.init)) + " of every lunar month"
        case .once(let date):
            "On \(date)"
        }
    }

    /// The lunar days 1…30 whose last digit is one of `digits`.
    private static func lunarDays(endingIn digits: [Int]) -> [Int] {
        (1...30).filter { digits.contains($0 % 10) }
    }

    /// `a`, `a and b`, `a, b and c`.
    private static func list(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd, 23rd … 31st.
    private static func ordinal(_ number: Int) -> String {
        let suffix =
            switch (number % 10, number % 100) {
            case (_, 11...13): "th"
            case (1, _): "st"
            case (2, _): "nd"
            case (3, _): "rd"
            default: "th"
            }
        return "\(number)\(suffix)"
    }
}
