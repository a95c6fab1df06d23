import Foundation
import Testing
@testable import LianxinCore

@Suite("Passwords, lockout and sessions")
struct AccessTests {
    @Test func aPasswordNeedsEightCharactersFromThreeClasses() {
        let policy = PasswordPolicy()
        #expect(policy.check("Ab1!") == .tooShort(minimum: 8))
        #expect(policy.check("abcdefgh") == .tooFewClasses(required: 3, found: 1))
        #expect(policy.check("abcdefg1") == .tooFewClasses(required: 3, found: 2))
        #expect(policy.check("abcdef1!") == nil)
        #expect(policy.check("Abcdefg1") == nil)
        #expect(policy.check("网格员密码abc1") == nil, "Chinese characters count as symbols")
        #expect(policy.check("Operator-2026", username: "operator") == .containsUsername)
    }

    @Test func theFifthFailureLocksForThirtyMinutes() {
        let lockout = LoginLockout()
        let now = Date(timeIntervalSince1970: 0)
        var failures = 0
        for _ in 0..<4 {
            let result = lockout.afterFailure(failures: failures, at: now)
            #expect(result.lockedUntil == nil)
            failures = result.failures
        }
        let fifth = lockout.afterFailure(failures: failures, at: now)
        #expect(fifth.lockedUntil == now.addingTimeInterval(1800))
        #expect(lockout.isLocked(until: fifth.lockedUntil, at: now.addingTimeInterval(1799)))
        #expect(!lockout.isLocked(until: fifth.lockedUntil, at: now.addingTimeInterval(1800)))
    }

    @Test func aSessionExpiresWhenIdleOrTooOld() {
        let policy = SessionPolicy()
        let start = Date(timeIntervalSince1970: 0)
        #expect(policy.isValid(createdAt: start, lastSeenAt: start, at: start.addingTimeInterval(29 * 60)))
        #expect(!policy.isValid(createdAt: start, lastSeenAt: start, at: start.addingTimeInterval(30 * 60)))
        #expect(!policy.isValid(createdAt: start, lastSeenAt: start.addingTimeInterval(12 * 3600 - 60), at: start.addingTimeInterval(12 * 3600)))
        #expect(!policy.needsTouch(lastSeenAt: start, at: start.addingTimeInterval(59)))
    }

    @Test func onlyAuditorsReadTheAuditLogAndAdministratorRolesAreSeparate() {
        #expect(Permission.readAuditLog.roles == [.auditor])
        #expect(!Role.admin.can(.readAuditLog))
        #expect(!Role.auditor.can(.manageAccounts))
        #expect(Role.allCases.filter(\.isAdministrator).count == 3)
        #expect(Role.departmentHandler.requiresDepartment)
    }
}

@Suite struct PasswordAgeTests {
    @Test func aPasswordExpiresAfterItsMaximumAgeUnlessThereIsNone() {
        let changed = Date(timeIntervalSince1970: 1_790_000_000)
        let policy = PasswordPolicy(maximumAgeDays: 90)
        #expect(!policy.isExpired(changedAt: changed, at: changed.addingTimeInterval(90 * 86_400)))
        #expect(policy.isExpired(changedAt: changed, at: changed.addingTimeInterval(90 * 86_400 + 1)))
        #expect(!PasswordPolicy().isExpired(changedAt: changed, at: changed.addingTimeInterval(1e9)))
        #expect(!PasswordPolicy(maximumAgeDays: 0).isExpired(changedAt: changed, at: changed.addingTimeInterval(1e9)))
    }
}
