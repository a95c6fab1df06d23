import Testing
@testable import LianxinCore

private typealias F = WorkOrderFixture

/// Issue 18 item 15: 结案 is not offered before 回访 when the requester can be called back.
@Suite("Offered actions: revisit before close")
struct CloseOfferTests {
    @Test func item15_closeWaitsForTheRevisitWhenTheRequesterCanBeCalled() throws {
        for status in [WorkOrderStatus.completed, .reviewed] {
            let state = try F.order(in: status, rules: status == .reviewed ? WorkOrderRules(requiresReview: true) : .standard)
            let offered = WorkOrderMachine.offeredActions(in: state, to: F.operatorStaff)
            #expect(!offered.contains(.close), "close offered in \(status) before the revisit")
            #expect(offered.contains(.revisit))
            #expect(WorkOrderMachine.offeredActions(in: state, to: F.operatorStaff, revisitPossible: false).contains(.close))
        }
        let evaluated = try F.order(in: .evaluated)
        #expect(WorkOrderMachine.offeredActions(in: evaluated, to: F.operatorStaff).contains(.close))
    }
}
