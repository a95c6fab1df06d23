/// A year's place in the sixty-year cycle of heavenly stems and earthly branches (天干地支), such as 甲辰.
public struct SexagenaryYear: Sendable, Hashable, CustomStringConvertible {
    /// 1 (甲子) … 60 (癸亥).
    public let position: Int

    private static let stems: [Character] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
    private static let branches: [Character] = ["子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"]

    /// The name of lunar year `year` (a 甲子 year is one whose number is 4 more than a multiple of 60).
    public init(lunarYear year: Int) {
        position = ((year - 4) % 60 + 60) % 60 + 1
    }

    /// The heavenly stem (天干), 甲 … 癸.
    public var stem: Character { Self.stems[(position - 1) % 10] }

    /// The earthly branch (地支), 子 … 亥.
    public var branch: Character { Self.branches[(position - 1) % 12] }

    /// The year's animal (生肖), given by its branch.
    public var zodiac: ChineseZodiac {
        guard let zodiac = ChineseZodiac(rawValue: (position - 1) % 12) else {
            preconditionFailure("Twelve branches, twelve animals")
        }
        return zodiac
    }

    /// Stem and branch, e.g. 甲辰.
    public var description: String { String([stem, branch]) }
}
