import Foundation

/// The review-before-expiry rule (到期复审): a published entry whose validity ends within `leadDays` is due for
/// review, and its unit is reminded once per validity period.
public enum KnowledgeReview {
    /// Days before the last valid day when the unit is reminded.
    public static let leadDays = 30

    /// Whether an entry ending on `validTo` (yyyy-MM-dd) must be reminded on `today`: it is published, still valid, ends
    /// within `leadDays`, and no reminder was sent for this same end date.
    public static func reminderDue(
        status: KnowledgeStatus, validTo: String?, today: LocalDate, remindedFor: String?, leadDays: Int = leadDays
    ) -> Bool {
        guard status == .published, let validTo, let end = LocalDate(iso: validTo), remindedFor != validTo else { return false }
        return end >= today && end <= today.adding(days: leadDays)
    }

    /// Whether an entry valid from `validFrom` to `validTo` (either open) applies on `today`.
    public static func isValid(validFrom: String?, validTo: String?, on today: LocalDate) -> Bool {
        let day = today.description
        if let validFrom, !validFrom.isEmpty, validFrom > day { return false }
        if let validTo, !validTo.isEmpty, validTo < day { return false }
        return true
    }
}
