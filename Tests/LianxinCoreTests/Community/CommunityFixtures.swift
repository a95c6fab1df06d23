import Foundation
import LianxinCore

/// Test values for the Community tests, parsed independently of LianxinCore's own time handling.
enum CommunityFixtures {
    /// A Beijing-time instant written `2025-03-06 14:00`.
    static func instant(_ text: String) -> Date {
        guard let date = ISO8601DateFormatter().date(from: text.replacingOccurrences(of: " ", with: "T") + ":00+08:00") else {
            preconditionFailure("Bad test time \(text)")
        }
        return date
    }

    /// A fixed volunteer or member id, readable in failures: `id(1)` is `00000000-0000-0000-0000-000000000001`.
    static func id(_ number: Int) -> UUID {
        let hex = String(number, radix: 16)
        guard let id = UUID(uuidString: "00000000-0000-0000-0000-" + String(repeating: "0", count: 12 - hex.count) + hex) else {
            preconditionFailure("Bad test id \(number)")
        }
        return id
    }
}
