extension LunarDate: CustomStringConvertible {
    /// The year's stem-and-branch name (甲辰).
    public var sexagenaryYear: SexagenaryYear { SexagenaryYear(lunarYear: year) }

    /// The year's animal (生肖).
    public var zodiac: ChineseZodiac { sexagenaryYear.zodiac }

    /// The month as almanacs name it: 正月, 二月 … 十月, 冬月, 腊月, with 闰 before a leap month (闰六月).
    public var monthName: String {
        let name =
            switch month {
            case 1: "正"
            case 11: "冬"
            case 12: "腊"
            default: ChineseNumerals.name(of: month)
            }
        return (isLeapMonth ? "闰" : "") + name + "月"
    }

    /// The day as almanacs name it: 初一 … 初十, 十一 … 二十, 廿一 … 廿九, 三十.
    public var dayName: String {
        switch day {
        case ...10: "初" + ChineseNumerals.name(of: day)
        case 21...29: "廿" + ChineseNumerals.name(of: day - 20)
        default: ChineseNumerals.name(of: day)
        }
    }

    /// Year, month and day in Chinese, e.g. 甲辰年正月初一.
    public var description: String { "\(sexagenaryYear)年\(monthName)\(dayName)" }
}
