import Testing
@testable import LianxinCore

@Suite("小微权力监督 rules: the report's and the handover's guard tables, overdue, on time, months")
struct OversightRulesTests {
    @Test func aReportGoesFromReceivedToConcludedOnlyAlongTheTable() {
        #expect(Oversight.apply(.accept, to: .received) == .accepted)
        #expect(Oversight.apply(.decline, to: .received) == .declined)
        #expect(Oversight.apply(.verify, to: .accepted) == .verifying)
        #expect(Oversight.apply(.conclude, to: .verifying) == .concluded)
        #expect(Oversight.apply(.conclude, to: .accepted) == .concluded)
        #expect(Oversight.apply(.conclude, to: .received) == nil, "nothing is concluded before it is accepted")
        #expect(Oversight.apply(.accept, to: .declined) == nil)
        #expect(Oversight.apply(.verify, to: .concluded) == nil)
        #expect(!Oversight.isOpen(.declined) && !Oversight.isOpen(.concluded) && Oversight.isOpen(.verifying))
    }

    @Test func aHandoverIsRepliedToThenAcceptedOrReturned() {
        #expect(Oversight.apply(.reply, to: .handedOver) == .replied)
        #expect(Oversight.apply(.return, to: .replied) == .returned)
        #expect(Oversight.apply(.reply, to: .returned) == .replied)
        #expect(Oversight.apply(.accept, to: .replied) == .rectified)
        #expect(Oversight.apply(.accept, to: .handedOver) == nil, "nothing is accepted before the township replies")
        #expect(Oversight.apply(.reply, to: .rectified) == nil)
        #expect(Oversight.HandoverAction.accept.byGroup && !Oversight.HandoverAction.reply.byGroup)
    }

    @Test func overdueOnTimeAndPercent() {
        let deadline: LocalDate = "2026-12-10"
        #expect(!Oversight.isOverdue(status: .handedOver, deadline: deadline, today: "2026-12-10"), "the deadline day is on time")
        #expect(Oversight.isOverdue(status: .replied, deadline: deadline, today: "2026-12-11"))
        #expect(!Oversight.isOverdue(status: .rectified, deadline: deadline, today: "2027-01-01"))
        #expect(Oversight.isOnTime(lastReply: "2026-12-10", deadline: deadline))
        #expect(!Oversight.isOnTime(lastReply: "2026-12-11", deadline: deadline))
        #expect(!Oversight.isOnTime(lastReply: nil, deadline: deadline))
        #expect(Oversight.percent(2, of: 3) == 67 && Oversight.percent(1, of: 2) == 50 && Oversight.percent(0, of: 0) == nil)
        #expect(Oversight.months(endingWith: "2026-02-15", count: 4) == ["2025-11", "2025-12", "2026-01", "2026-02"])
    }
}
