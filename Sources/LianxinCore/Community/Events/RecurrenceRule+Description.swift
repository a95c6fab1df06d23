extension RecurrenceRule {
    /// The rule in words, which `init(parsing:)` reads back from the Chinese: zh 每周四 14:00-17:00（节假日除外）;
    /// en Every Thursday, 14:00–17:00 (not on public holidays). Skipped dates are listed separately, not here.
    public func description(language: DisplayLanguage) -> String {
        let days = pattern.description(language: language)
        switch language {
        case .zhCN:
            return "\(days) \(window.start)-\(window.end)" + (skipsHolidays ? "（节假日除外）" : "")
        case .en:
            return "\(days), \(window.start)–\(window.end)" + (skipsHolidays ? " (not on public holidays)" : "")
        }
    }
}
