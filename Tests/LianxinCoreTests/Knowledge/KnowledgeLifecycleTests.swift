import Foundation
import Testing
@testable import LianxinCore

/// Issue 19: a knowledge entry goes draft → pending → published → expired or withdrawn; units write, the hotline
/// centre approves (never its own version), and a published entry is reviewed before it expires.
@Suite("Knowledge entry lifecycle")
struct KnowledgeLifecycleTests {
    static let writerID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))
    static let approverID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2))
    let writer = KnowledgeActor(id: writerID, kind: .writer)
    let approver = KnowledgeActor(id: approverID, kind: .approver)
    let system = KnowledgeActor(id: nil, kind: .system)

    @Test func anEntryIsWrittenSubmittedApprovedAndWithdrawn() throws {
        var status = KnowledgeStatus.draft
        status = try KnowledgeLifecycle.next(after: .submit, from: status, by: writer, author: Self.writerID)
        #expect(status == .pending)
        status = try KnowledgeLifecycle.next(after: .approve, from: status, by: approver, author: Self.writerID)
        #expect(status == .published)
        #expect(try KnowledgeLifecycle.next(after: .edit, from: status, by: writer, author: Self.writerID) == .draft, "an edit is approved again")
        #expect(try KnowledgeLifecycle.next(after: .withdraw, from: status, by: writer, author: Self.writerID, reason: "政策废止") == .withdrawn)
    }

    @Test func refusalsNeedAReasonAndTheWriterCannotApproveTheirOwnVersion() throws {
        #expect(throws: KnowledgeError.reasonRequired(.reject)) {
            try KnowledgeLifecycle.next(after: .reject, from: .pending, by: approver, author: Self.writerID, reason: " ")
        }
        #expect(try KnowledgeLifecycle.next(after: .reject, from: .pending, by: approver, author: Self.writerID, reason: "口径不准确") == .draft)
        #expect(throws: KnowledgeError.ownVersion) {
            try KnowledgeLifecycle.next(after: .approve, from: .pending, by: approver, author: Self.approverID)
        }
        #expect(throws: KnowledgeError.notPermitted(.approve)) {
            try KnowledgeLifecycle.next(after: .approve, from: .pending, by: writer, author: Self.approverID)
        }
        #expect(throws: KnowledgeError.notAllowedInStatus(.approve, .draft)) {
            try KnowledgeLifecycle.next(after: .approve, from: .draft, by: approver, author: Self.writerID)
        }
        #expect(throws: KnowledgeError.notAllowedInStatus(.submit, .published)) {
            try KnowledgeLifecycle.next(after: .submit, from: .published, by: writer, author: Self.writerID)
        }
        #expect(!KnowledgeLifecycle.offered(in: .pending, to: approver, author: Self.approverID).contains(.approve))
        #expect(KnowledgeLifecycle.offered(in: .pending, to: approver, author: Self.writerID) == [.edit, .approve, .reject, .withdraw])
        #expect(KnowledgeLifecycle.offered(in: .draft, to: writer, author: Self.writerID) == [.edit, .submit])
    }

    @Test func onlyTheSystemExpiresAnEntryAndOnlyAfterItsLastValidDay() throws {
        #expect(throws: KnowledgeError.stillValid) {
            try KnowledgeLifecycle.next(after: .expire, from: .published, by: system, author: nil, validTo: "2026-12-07", today: "2026-12-07")
        }
        #expect(
            try KnowledgeLifecycle.next(after: .expire, from: .published, by: system, author: nil, validTo: "2026-12-06", today: "2026-12-07")
                == .expired)
        #expect(throws: KnowledgeError.notPermitted(.expire)) {
            try KnowledgeLifecycle.next(after: .expire, from: .published, by: approver, author: nil, validTo: "2026-12-06", today: "2026-12-07")
        }
    }

    @Test func aReviewReminderIsDueWithinThirtyDaysOfTheEndOncePerEndDate() {
        let today = LocalDate(iso: "2026-12-07")!
        #expect(KnowledgeReview.reminderDue(status: .published, validTo: "2027-01-06", today: today, remindedFor: nil))
        #expect(!KnowledgeReview.reminderDue(status: .published, validTo: "2027-01-07", today: today, remindedFor: nil), "31 days away")
        #expect(!KnowledgeReview.reminderDue(status: .published, validTo: "2027-01-06", today: today, remindedFor: "2027-01-06"), "already reminded")
        #expect(KnowledgeReview.reminderDue(status: .published, validTo: "2027-01-06", today: today, remindedFor: "2026-06-30"), "a new end date")
        #expect(!KnowledgeReview.reminderDue(status: .draft, validTo: "2027-01-06", today: today, remindedFor: nil))
        #expect(!KnowledgeReview.reminderDue(status: .published, validTo: nil, today: today, remindedFor: nil), "open-ended")
        #expect(KnowledgeReview.isValid(validFrom: "2026-12-07", validTo: "2026-12-07", on: today))
        #expect(!KnowledgeReview.isValid(validFrom: "2026-12-08", validTo: nil, on: today))
        #expect(!KnowledgeReview.isValid(validFrom: nil, validTo: "2026-12-06", on: today))
    }
}
