import Testing
@testable import LianxinCore

@Suite struct GridChangeMachineTests {
    let township = GridChangeActor.staff(.communityStaff, countyLevel: false)
    let department = GridChangeActor.staff(.departmentLead, countyLevel: false)
    let county = GridChangeActor.staff(.leader, countyLevel: true)
    let townshipLeader = GridChangeActor.staff(.leader, countyLevel: false)

    func state(_ status: GridChangeStatus, round: Int = 1) -> GridChangeState { GridChangeState(status: status, round: round) }

    @Test func statusRawValuesAreTheStoredStrings() {
        #expect(GridChangeStatus.allCases.map(\.rawValue) == ["submitted", "returned", "approved", "effective", "failed", "withdrawn"])
        #expect(GridChangeReviewDecision.allCases.map(\.rawValue) == ["approve", "return", "comment"])
    }

    @Test func aProposalStartsSubmittedInRoundOne() throws {
        #expect(try GridChangeMachine.propose(by: township) == state(.submitted))
        #expect(try GridChangeMachine.apply(.propose, to: state(.effective, round: 3), by: township) == state(.submitted))
    }

    @Test func onlyProposersPropose() {
        #expect(throws: GridChangeRefusal.notPermitted(.propose)) { try GridChangeMachine.propose(by: department) }
        #expect(throws: GridChangeRefusal.notPermitted(.propose)) { try GridChangeMachine.propose(by: .system) }
    }

    @Test func departmentReviewsKeepOrReturnTheChange() throws {
        #expect(try GridChangeMachine.apply(.review(.approve), to: state(.submitted), by: department) == state(.submitted))
        #expect(try GridChangeMachine.apply(.review(.comment), to: state(.submitted), by: department) == state(.submitted))
        #expect(
            try GridChangeMachine.apply(.review(.return), to: state(.submitted, round: 2), by: department)
                == state(.returned, round: 2))
    }

    @Test func reviewsNeedAChangeUnderReviewAndAReviewer() {
        for status in GridChangeStatus.allCases where status != .submitted {
            #expect(throws: GridChangeRefusal.notUnderReview(status)) {
                try GridChangeMachine.apply(.review(.approve), to: state(status), by: department)
            }
        }
        #expect(throws: GridChangeRefusal.notPermitted(.review)) {
            try GridChangeMachine.apply(.review(.approve), to: state(.submitted), by: township)
        }
        #expect(GridChangeRefusal.notUnderReview(.approved).message == "the change is approved, not under review / 方案不在审核中")
    }

    @Test func resubmittingAReturnedChangeStartsTheNextRound() throws {
        #expect(try GridChangeMachine.apply(.resubmit, to: state(.returned, round: 1), by: township) == state(.submitted, round: 2))
        #expect(try GridChangeMachine.apply(.resubmit, to: state(.returned, round: 2), by: township) == state(.submitted, round: 3))
    }

    @Test func resubmittingIsRefusedWhenNotReturnedOrAfterThreeRounds() {
        for status in GridChangeStatus.allCases where status != .returned {
            #expect(throws: GridChangeRefusal.notReturned(status)) {
                try GridChangeMachine.apply(.resubmit, to: state(status), by: township)
            }
        }
        #expect(throws: GridChangeRefusal.roundsUsedUp) {
            try GridChangeMachine.apply(.resubmit, to: state(.returned, round: GridChangeMachine.maximumRounds), by: township)
        }
        #expect(throws: GridChangeRefusal.notPermitted(.resubmit)) {
            try GridChangeMachine.apply(.resubmit, to: state(.returned), by: department)
        }
        #expect(GridChangeRefusal.roundsUsedUp.message.hasPrefix("three rounds are used up"))
    }

    @Test func theCountyApprovesAfterADepartmentApprovedOrReturns() throws {
        #expect(try GridChangeMachine.apply(.countyApprove(departmentApprovals: 1), to: state(.submitted), by: county) == state(.approved))
        #expect(try GridChangeMachine.apply(.countyReturn, to: state(.submitted, round: 2), by: county) == state(.returned, round: 2))
        #expect(throws: GridChangeRefusal.noDepartmentApproval) {
            try GridChangeMachine.apply(.countyApprove(departmentApprovals: 0), to: state(.submitted), by: county)
        }
    }

    @Test func countyDecisionsNeedACountyLeaderAndAChangeUnderReview() {
        #expect(throws: GridChangeRefusal.notPermitted(.countyDecision)) {
            try GridChangeMachine.apply(.countyReturn, to: state(.submitted), by: townshipLeader)
        }
        #expect(throws: GridChangeRefusal.notPermitted(.countyDecision)) {
            try GridChangeMachine.apply(.countyApprove(departmentApprovals: 2), to: state(.submitted), by: department)
        }
        for status in GridChangeStatus.allCases where status != .submitted {
            #expect(throws: GridChangeRefusal.notUnderReview(status)) {
                try GridChangeMachine.apply(.countyReturn, to: state(status), by: county)
            }
        }
    }

    @Test func theSystemAppliesApprovedChangesOnly() throws {
        #expect(try GridChangeMachine.apply(.apply(succeeded: true), to: state(.approved), by: .system) == state(.effective))
        #expect(try GridChangeMachine.apply(.apply(succeeded: false), to: state(.approved), by: .system) == state(.failed))
        for status in GridChangeStatus.allCases where status != .approved {
            #expect(throws: GridChangeRefusal.notApproved(status)) {
                try GridChangeMachine.apply(.apply(succeeded: true), to: state(status), by: .system)
            }
        }
        #expect(throws: GridChangeRefusal.notPermitted(.apply)) {
            try GridChangeMachine.apply(.apply(succeeded: true), to: state(.approved), by: county)
        }
    }

    @Test func theGuardTableFollowsThePermissions() {
        #expect(GridChangeGuard.of(.propose).permits(.staff(.leader, countyLevel: false)))
        #expect(!GridChangeGuard.of(.review).permits(.staff(.gridMember, countyLevel: false)))
        #expect(GridChangeGuard.of(.review).permits(.staff(.supervisor, countyLevel: true)))
        #expect(!GridChangeGuard.of(.countyDecision).permits(.system))
        #expect(GridChangeStatus.submitted.isPending && GridChangeStatus.approved.isPending && !GridChangeStatus.failed.isPending)
    }
}
