import Vapor
import Fluent
import LianxinCore

/// The reason a person gives before seeing full ID and phone numbers (audited with the unmasking).
enum UnmaskReason {
    /// A typed reason for seeing personal data, 2–200 characters.
    static func checked(_ text: String?) throws -> String {
        guard let reason = text?.trimmingCharacters(in: .whitespacesAndNewlines), (2...200).contains(reason.count) else {
            throw Problem.invalid(field: "/reason", "say why you need the full numbers (2–200 characters) / 请说明查看原因（2–200 个字符）")
        }
        return reason
    }
}
