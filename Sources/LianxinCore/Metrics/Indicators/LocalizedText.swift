/// A text for people in Chinese (the default) and English.
public struct LocalizedText: Sendable, Hashable, Codable {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in Chinese or English.
    public func text(english: Bool) -> String {
        english ? en : zh
    }
}
