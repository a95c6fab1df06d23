import Testing
@testable import LianxinCore

@Suite struct WhistleMachineTests {
    let blower = WhistleActor(role: .communityStaff, summoned: false)
    let summoned = WhistleActor(role: .departmentHandler, summoned: true)
    let otherDepartment = WhistleActor(role: .departmentHandler, summoned: false)

    @Test func statusRawValuesAreTheStoredStrings() {
        #expect(WhistleStatus.allCases.map(\.rawValue) == ["open", "closed"])
    }

    @Test func blowingOpensAWhistle() throws {
        #expect(try WhistleMachine.blow(by: blower) == WhistleState(status: .open))
        #expect(throws: WhistleRefusal.notPermitted(.blow)) { try WhistleMachine.blow(by: summoned) }
    }

    @Test func aSummonedDepartmentReportsOnceWhileOpen() throws {
        let open = WhistleState(status: .open, reported: false)
        #expect(try WhistleMachine.apply(.report, to: open, by: summoned) == WhistleState(status: .open, reported: true))
        #expect(throws: WhistleRefusal.alreadyReported) {
            try WhistleMachine.apply(.report, to: WhistleState(status: .open, reported: true), by: summoned)
        }
        #expect(throws: WhistleRefusal.closed(.report)) {
            try WhistleMachine.apply(.report, to: WhistleState(status: .closed, reported: false), by: summoned)
        }
        #expect(throws: WhistleRefusal.notPermitted(.report)) { try WhistleMachine.apply(.report, to: open, by: otherDepartment) }
        #expect(throws: WhistleRefusal.notPermitted(.report)) { try WhistleMachine.apply(.report, to: open, by: blower) }
        #expect(WhistleRefusal.closed(.report).message == "The whistle is closed / 该哨已结束")
    }

    @Test func workIsRecordedOnlyAfterReporting() throws {
        for status in WhistleStatus.allCases {
            let reported = WhistleState(status: status, reported: true)
            #expect(try WhistleMachine.apply(.recordWork, to: reported, by: summoned) == reported)
            #expect(throws: WhistleRefusal.notReported) {
                try WhistleMachine.apply(.recordWork, to: WhistleState(status: status, reported: false), by: summoned)
            }
        }
        #expect(throws: WhistleRefusal.notPermitted(.recordWork)) {
            try WhistleMachine.apply(.recordWork, to: WhistleState(status: .open, reported: true), by: otherDepartment)
        }
        #expect(WhistleRefusal.notReported.message == "Report on site first / 请先报到")
    }

    @Test func theBlowerEvaluatesInAnyStatus() throws {
        for status in WhistleStatus.allCases {
            #expect(try WhistleMachine.apply(.evaluate, to: WhistleState(status: status), by: blower) == WhistleState(status: status))
        }
        #expect(throws: WhistleRefusal.notPermitted(.evaluate)) {
            try WhistleMachine.apply(.evaluate, to: WhistleState(status: .open), by: summoned)
        }
    }

    @Test func theBlowerClosesAnOpenWhistleOnce() throws {
        #expect(try WhistleMachine.apply(.close, to: WhistleState(status: .open), by: blower) == WhistleState(status: .closed))
        #expect(throws: WhistleRefusal.closed(.close)) {
            try WhistleMachine.apply(.close, to: WhistleState(status: .closed), by: blower)
        }
        #expect(throws: WhistleRefusal.notPermitted(.close)) {
            try WhistleMachine.apply(.close, to: WhistleState(status: .open), by: summoned)
        }
        #expect(WhistleRefusal.closed(.close).message == "The whistle is already closed / 该哨已结束")
    }

    @Test func theGuardTableSeparatesBlowersFromSummonedDepartments() {
        #expect(WhistleGuard.of(.close).permits(WhistleActor(role: .leader, summoned: false)))
        #expect(!WhistleGuard.of(.close).permits(WhistleActor(role: .gridMember, summoned: false)))
        #expect(WhistleGuard.of(.report).permits(WhistleActor(role: .departmentLead, summoned: true)))
        #expect(!WhistleGuard.of(.report).permits(WhistleActor(role: .communityStaff, summoned: true)))
    }
}
