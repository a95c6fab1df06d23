import Foundation

/// The state of a city asset as the registry records it.
public enum AssetStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// In working order (完好).
    case intact
    /// Damaged (破损).
    case damaged
    /// Missing: stolen or lost (丢失).
    case missing
    /// Taken out of service (停用).
    case retired

    /// The status for people, in Chinese or English.
    public func title(english: Bool) -> String {
        switch self {
        case .intact: english ? "Intact" : "完好"
        case .damaged: english ? "Damaged" : "破损"
        case .missing: english ? "Missing" : "丢失"
        case .retired: english ? "Retired" : "停用"
        }
    }

    /// Reads the coded value or the Chinese name used in county spreadsheets.
    public init?(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let status = AssetStatus(rawValue: trimmed) {
            self = status
        } else if let status = AssetStatus.allCases.first(where: { $0.title(english: false) == trimmed }) {
            self = status
        } else {
            return nil
        }
    }
}
