import Foundation
import Testing
@testable import LianxinCore

@Suite("三员分立, password history and outbound targets")
struct AdministratorSeparationTests {
    @Test func item05_theThreeAdministratorRolesHoldSeparateDuties() {
        let business: [Permission] = [
            .viewResidents, .manageResidents, .exportData, .unmaskPersonalData, .viewWorkOrders, .handleDisputes, .viewCommunityServices,
        ]
        for permission in business {
            for role in [Role.admin, .securityAdmin, .auditor] { #expect(!role.can(permission), "\(role) must not hold \(permission)") }
        }
        #expect(!Role.admin.can(.manageAccounts) && !Role.admin.can(.readAuditLog) && Role.admin.can(.manageRules))
        #expect(Role.securityAdmin.can(.manageAccounts) && Role.securityAdmin.can(.manageSecuritySettings) && !Role.securityAdmin.can(.manageRules))
        #expect(Permission.allCases.filter { Role.auditor.can($0) } == [.readAuditLog, .viewDivisions], "the auditor reads the audit log only")
        #expect(Permission.manageAccounts.roles == [.securityAdmin])
        #expect(Permission.approveAdministratorChanges.roles == [.admin])
    }

    @Test func item05_noAdministratorAccountChangesByOnePersonAlone() {
        #expect(AdministratorSeparation.needsApproval(currentRole: nil, newRole: .auditor))
        #expect(AdministratorSeparation.needsApproval(currentRole: .securityAdmin, newRole: nil))
        #expect(AdministratorSeparation.needsApproval(currentRole: .admin, newRole: .leader))
        #expect(!AdministratorSeparation.needsApproval(currentRole: .operator, newRole: .dispatcher))
        #expect(AdministratorSeparation.mayApprove(approver: .admin, approverID: "a", requester: .securityAdmin, requesterID: "s"))
        #expect(!AdministratorSeparation.mayApprove(approver: .securityAdmin, approverID: "s2", requester: .securityAdmin, requesterID: "s"))
        #expect(!AdministratorSeparation.mayApprove(approver: .auditor, approverID: "a", requester: .securityAdmin, requesterID: "s"))
        #expect(!AdministratorSeparation.mayApprove(approver: .admin, approverID: "x", requester: .admin, requesterID: "y"))
    }

    @Test func item15_passwordHistoryKeepsTheCurrentAndFourEarlierPasswords() {
        var history = PasswordHistory(stored: nil)
        for index in 0..<7 { history = history.replacing(current: "h\(index)") }
        #expect(history.previous == ["h6", "h5", "h4", "h3"])
        #expect(history.hashesToCheck(current: "h7").count == PasswordHistory.depth)
        #expect(PasswordHistory(stored: history.stored) == history)
    }

    @Test func item15_webhookTargetsAreHTTPSAndNeverInternal() {
        #expect(OutboundTarget.check("https://sms.example.cn/hook", allowLoopbackHTTP: false) == nil)
        #expect(OutboundTarget.check("http://sms.example.cn/hook", allowLoopbackHTTP: true) == .notHTTPS)
        #expect(OutboundTarget.check("http://127.0.0.1:9000/hook", allowLoopbackHTTP: true) == nil)
        #expect(OutboundTarget.check("http://127.0.0.1:9000/hook", allowLoopbackHTTP: false) == .notHTTPS)
        #expect(OutboundTarget.check("https://user:pw@example.cn/", allowLoopbackHTTP: false) == .notAnAddress)
        #expect(OutboundTarget.check("ftp://example.cn/", allowLoopbackHTTP: false) == .notAnAddress)
        for address in [
            "10.1.2.3", "172.20.0.1", "192.168.1.1", "127.0.0.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1",
            "::ffff:10.0.0.1", "::ffff:127.0.0.1", "not-an-address",
        ] {
            #expect(OutboundTarget.isInternal(address), "\(address) is internal")
        }
        for address in ["36.110.1.1", "223.5.5.5", "2400:3200::1"] { #expect(!OutboundTarget.isInternal(address), "\(address) is public") }
    }
}
