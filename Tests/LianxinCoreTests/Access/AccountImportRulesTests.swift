import Testing
import LianxinCore

@Suite("#17 accounts: temporary passwords and the rules of an account import")
struct AccountImportRulesTests {
    /// A generator that repeats a fixed sequence, so that a test sees the same passwords each time.
    struct FixedGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    @Test func item17_accounts_aTemporaryPasswordPassesThePolicyAndIsEasyToRead() {
        var generator = FixedGenerator(state: 7)
        let strict = PasswordPolicy(minimumLength: 14, requiredClasses: 4)
        var seen = Set<String>()
        for _ in 0..<500 {
            let password = TemporaryPassword.generate(using: &generator)
            #expect(strict.check(password) == nil, "\(password)")
            #expect(!password.contains { "0O1lI".contains($0) }, "no look-alike characters")
            seen.insert(password)
        }
        #expect(seen.count == 500)
        #expect(TemporaryPassword.generate(minimumLength: 24).count >= 24)
    }

    @Test func item17_accounts_oneRoleNeverAnAdministratorAUnitForHandlersAGridForGridMembers() {
        let names: [String: Role] = ["网格员": .gridMember, "承办人员": .departmentHandler]
        #expect(AccountImportRules.role("网格员", names: names) == .success(.gridMember))
        #expect(AccountImportRules.role(" operator ", names: names) == .success(.operator))
        #expect(AccountImportRules.role("", names: names) == .failure(.init(.roleMissing)))
        #expect(AccountImportRules.role("operator;dispatcher", names: names) == .failure(.init(.roleMoreThanOne)))
        #expect(AccountImportRules.role("wizard", names: names) == .failure(.init(.roleUnknown)))
        #expect(AccountImportRules.check(role: .securityAdmin, hasUnit: false, hasGrid: false) == [.roleAdministrator])
        #expect(AccountImportRules.check(role: .departmentHandler, hasUnit: false, hasGrid: false) == [.unitRequired])
        #expect(AccountImportRules.check(role: .operator, hasUnit: false, hasGrid: true) == [.gridOnlyForGridMembers])
        #expect(AccountImportRules.check(role: .gridMember, hasUnit: false, hasGrid: true).isEmpty)
    }
}
