import LianxinCore
import Testing

@Suite struct LunarNamesTests {
    @Test(arguments: [
        (1, "初一"), (5, "初五"), (10, "初十"), (11, "十一"), (15, "十五"), (19, "十九"),
        (20, "二十"), (21, "廿一"), (23, "廿三"), (29, "廿九"), (30, "三十"),
    ])
    func daysAreNamedAsInTheAlmanac(day: Int, name: String) throws {
        #expect(try LunarDate(year: 2024, month: 2, day: day).dayName == name)
    }

    @Test func monthsAreNamedAsInTheAlmanac() throws {
        let names = try (1...12).map { try LunarDate(year: 2024, month: $0, day: 1).monthName }
        #expect(names == ["正月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "冬月", "腊月"])
        #expect(try LunarDate(year: 2025, month: 6, day: 1, isLeapMonth: true).monthName == "闰六月")
        #expect(try LunarDate(year: 2020, month: 4, day: 1, isLeapMonth: true).monthName == "闰四月")
    }

    @Test(arguments: [
        (1984, "甲子", ChineseZodiac.rat), (2023, "癸卯", .rabbit), (2024, "甲辰", .dragon),
        (2025, "乙巳", .snake), (2026, "丙午", .horse), (2043, "癸亥", .pig), (1900, "庚子", .rat),
    ])
    func yearsAreNamedByStemBranchAndAnimal(year: Int, name: String, zodiac: ChineseZodiac) {
        let sexagenary = SexagenaryYear(lunarYear: year)
        #expect(sexagenary.description == name)
        #expect(sexagenary.zodiac == zodiac)
    }

    @Test func theCycleStartsAt甲子AndEndsAt癸亥() {
        #expect(SexagenaryYear(lunarYear: 1984).position == 1)
        #expect(SexagenaryYear(lunarYear: 2043).position == 60)
        #expect(SexagenaryYear(lunarYear: 2044).position == 1)
    }

    @Test func zodiacAnimalsHaveChineseAndEnglishNames() {
        #expect(ChineseZodiac.horse.name(in: .zhCN) == "马")
        #expect(ChineseZodiac.horse.name(in: .en) == "Horse")
    }
}
