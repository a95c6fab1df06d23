/// The twelve animals of the Chinese zodiac (生肖), in the order of the earthly branches 子…亥.
public enum ChineseZodiac: Int, Sendable, Hashable, Codable, CaseIterable {
    case rat, ox, tiger, rabbit, dragon, snake, horse, goat, monkey, rooster, dog, pig

    /// The animal's name: 鼠 … 猪 in Chinese, Rat … Pig in English.
    public func name(in language: DisplayLanguage) -> String {
        switch language {
        case .zhCN: ["鼠", "牛", "虎", "兔", "龙", "蛇", "马", "羊", "猴", "鸡", "狗", "猪"][rawValue]
        case .en:
            ["Rat", "Ox", "Tiger", "Rabbit", "Dragon", "Snake", "Horse", "Goat", "Monkey", "Rooster", "Dog", "Pig"][rawValue]
        }
    }
}
