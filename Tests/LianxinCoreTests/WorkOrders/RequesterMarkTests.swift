import Foundation
import Testing

@testable import LianxinCore

@Suite("Requester marks (来电人标记): proposed, decided by the centre, in force until their date")
struct RequesterMarkTests {
    @Test func onlyAProposalIsDecidedAndOnlyAMarkInForceIsWithdrawn() {
        #expect(RequesterMarkRules.apply(.approve, to: .proposed) == .approved)
        #expect(RequesterMarkRules.apply(.refuse, to: .proposed) == .refused)
        #expect(RequesterMarkRules.apply(.revoke, to: .approved) == .revoked)
        for action in RequesterMarkAction.allCases {
            #expect(RequesterMarkRules.apply(action, to: .refused) == nil)
            #expect(RequesterMarkRules.apply(action, to: .revoked) == nil)
        }
        #expect(RequesterMarkRules.apply(.approve, to: .approved) == nil)
        #expect(RequesterMarkRules.apply(.revoke, to: .proposed) == nil, "a proposal is refused, not withdrawn")
    }

    @Test func aMarkIsInForceOnlyWhileApprovedAndBeforeItsDate() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(RequesterMarkRules.inForce(status: .approved, expiresAt: now.addingTimeInterval(1), at: now))
        #expect(!RequesterMarkRules.inForce(status: .approved, expiresAt: now, at: now), "lapsed on its date")
        #expect(!RequesterMarkRules.inForce(status: .proposed, expiresAt: now.addingTimeInterval(86_400), at: now))
        #expect(!RequesterMarkRules.inForce(status: .revoked, expiresAt: now.addingTimeInterval(86_400), at: now))
    }

    @Test func aProposalNeedsAReasonAndAValidityOfAtMostAYear() {
        #expect(RequesterMarkRules.problems(reason: "多次来电辱骂话务员并威胁", days: 180).isEmpty)
        #expect(RequesterMarkRules.problems(reason: "骂人", days: 180) == [.reasonTooShort])
        #expect(RequesterMarkRules.problems(reason: "同一诉求已答复三次仍反复来电", days: 0) == [.validityOutOfRange])
        #expect(RequesterMarkRules.problems(reason: "同一诉求已答复三次仍反复来电", days: 366) == [.validityOutOfRange])
        #expect(RequesterMarkRules.problems(reason: "同一诉求已答复三次仍反复来电", days: 365).isEmpty)
        #expect(RequesterMarkRules.problems(reason: "  ", days: 400) == [.reasonTooShort, .validityOutOfRange], "both at once")
    }
}
