import Foundation
import Testing
import Vapor
import VaporTesting
import Fluent
import SQLKit
@testable import LianxinServer

@Suite("The audit trail of personal data, and its hash chain")
struct AuditTrailTests {
    /// The entries of one action, oldest first.
    func entries(_ action: AuditAction, _ app: Application) async throws -> [AuditEntry] {
        try await AuditEntry.query(on: app.db).filter(\.$action == action.rawValue).sort(\.$seq).all()
    }

    /// Lifts the append-only triggers, as someone with direct database access could.
    func tamperable(_ app: Application) async throws {
        if app.db.isSQLite {
            for name in ["audit_entries_no_update", "audit_entries_no_delete"] { try await app.db.sql.raw("DROP TRIGGER \(ident: name)").run() }
        } else {
            try await app.db.sql.raw("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change").run()
        }
    }

    /// #16 item 13: viewing residents (a list page, one resident, a household) and an order's requester
    /// writes one entry per read, naming the records, with the record's division.
    @Test func item13_readingPersonalDataIsAudited() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = TestClient(app: app)
            try await staff.login("community")
            let page = try await staff.send(.GET, "/api/v1/residents?limit=5")
            #expect(page.status == .ok)
            let listed = try page.json(ListPage<ResidentDTO>.self).items
            #expect(!listed.isEmpty)
            let listEntries = try await entries(.personalDataViewed, app).filter { $0.target == "residents" }
            #expect(listEntries.count == 1, "one entry for the page")
            for resident in listed { #expect(listEntries[0].detail?.contains(resident.id.uuidString.lowercased()) == true) }
            #expect(listEntries[0].recordDivision == "361102001001" && listEntries[0].actorName == "community")

            let one = listed[0]
            #expect(try await staff.send(.GET, "/api/v1/residents/\(one.id)").status == .ok)
            #expect(try await entries(.personalDataViewed, app).contains { $0.target == "resident:\(one.id)" && $0.recordDivision == "361102001001" })
            #expect(try await staff.send(.GET, "/api/v1/households/\(one.householdId)").status == .ok)
            #expect(try await entries(.personalDataViewed, app).contains { $0.target == "household:\(one.householdId)" })

            let operations = try await Staff.signIn(app)
            let order = try await operations.create().json(WorkOrderDTO.self)
            #expect(try await operations.operatorClient.send(.GET, "/api/v1/work-orders/\(order.id)").status == .ok)
            #expect(try await operations.operatorClient.send(.GET, "/orders/\(order.id)").status == .ok)
            let orderReads = try await entries(.personalDataViewed, app).filter { $0.target == "work-order:\(order.number)" }
            #expect(orderReads.count == 2 && orderReads.allSatisfy { $0.recordDivision == "361102001001" && $0.divisionCode == "3611" })
            #expect(try await operations.operatorClient.send(.GET, "/api/v1/work-orders?limit=20").status == .ok)
            let pageReads = try await entries(.personalDataViewed, app).filter { $0.target == "work-orders" }
            #expect(pageReads.contains { $0.recordDivision == "361102" && $0.detail?.contains(order.number) == true }, "a list page names its orders")
        }
    }

    /// #16 item 13: unmasking (and reading) fails closed: when the audit entry cannot be written,
    /// the caller gets a 503 and none of the data.
    @Test func item13_unmaskingFailsClosedWhenTheAuditCannotBeWritten() async throws {
        try await withLianxin(demo: true) { app, _ in
            let staff = TestClient(app: app)
            try await staff.login("community")
            let token = try await staff.csrf()
            let resident = try #require(try await Resident.query(on: app.db).filter(\.$communityCode == "361102001001").sort(\.$id).first())
            let id = try resident.requireID()
            let number = try app.lianxin.cipher.open(resident.idNumberCipher, for: .residentIDNumber, row: id)
            try await app.db.sql.raw("ALTER TABLE audit_entries RENAME TO audit_entries_offline").run()
            let withheld = try await staff.send(.POST, "/api/v1/residents/\(id)/unmask", headers: ["X-CSRF-Token": token], json: ["reason": "入户核实身份"])
            #expect(withheld.status == .serviceUnavailable)
            #expect(!withheld.body.string.contains(number) && !withheld.body.string.contains(String(number.suffix(4))))
            let read = try await staff.send(.GET, "/api/v1/residents/\(id)")
            #expect(read.status == .serviceUnavailable && !read.body.string.contains(resident.name))
            try await app.db.sql.raw("ALTER TABLE audit_entries_offline RENAME TO audit_entries").run()
            let shown = try await staff.send(.POST, "/api/v1/residents/\(id)/unmask", headers: ["X-CSRF-Token": token], json: ["reason": "入户核实身份"])
            let shownNumber = try shown.field("idNumber") as? String
            #expect(shown.status == .ok && shownNumber == number)
            let unmaskings = try await entries(.personalDataUnmasked, app)
            #expect(unmaskings.count == 1 && unmaskings[0].target == "resident:\(id)" && unmaskings[0].detail == "入户核实身份")
        }
    }

    /// #16 item 13: an auditor sees entries about records in their division, whoever acted: a city
    /// operator reading a 信州区 order shows in 信州区's auditor's log and not in 广丰区's.
    @Test func item13_auditorsAreScopedByTheRecordsDivision() async throws {
        try await withLianxin(demo: true) { app, _ in
            let accounts = AccountService(application: app, database: app.db)
            for (name, division) in [("audit_xz", "361102"), ("audit_gf", "361103")] {
                _ = try await accounts.create(
                    .init(
                        username: name, displayName: name, password: DemoSeeder.password, role: "auditor", divisionCode: division,
                        departmentCode: nil), by: nil, actor: .commandLine)
                try await enrolTOTP(name, app)
            }
            let operations = try await Staff.signIn(app)
            let order = try await operations.create().json(WorkOrderDTO.self)
            #expect(try await operations.operatorClient.send(.GET, "/api/v1/work-orders/\(order.id)").status == .ok)
            func seen(by auditor: String) async throws -> Bool {
                let client = TestClient(app: app)
                try await client.login(auditor)
                let page = try await client.send(.GET, "/api/v1/audit-entries?action=personal-data.view&limit=200")
                #expect(page.status == .ok)
                return page.body.string.contains("work-order:\(order.number)")
            }
            #expect(try await seen(by: "audit_xz"), "the record lies in 信州区, though the operator sits at the city")
            #expect(try await seen(by: "audit_gf") == false)
            #expect(try await seen(by: "auditor"), "the city auditor sees the whole city")
        }
    }

    /// #16 item 13: the log is a hash chain with no forks under concurrent appends; `audit verify`
    /// and the auditor's page find an altered, a deleted and an inserted entry.
    @Test func item13_verifyFindsADeletedAnAlteredAndAnInsertedEntry() async throws {
        try await withLianxin(demo: true) { app, _ in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<24 {
                    group.addTask {
                        try await AuditLog.record(
                            .settingsChanged, result: .success, actor: .commandLine, target: "concurrent-\(index)", at: app.lianxin.now(), on: app.db)
                    }
                }
                try await group.waitForAll()
            }
            let all = try await AuditEntry.query(on: app.db).sort(\.$seq).all()
            #expect(all.map(\.seq) == Array(1...all.count).map { Optional($0) }, "one chain, no gaps, no forks")
            #expect(try await AuditChain.verify(on: app.db, batch: 10).intact)
            let auditor = TestClient(app: app)
            try await auditor.login("auditor")
            #expect(try await auditor.send(.GET, "/audit/verify").body.string.contains("data-verify=\"intact\""))

            try await tamperable(app)
            let victim = all[4]
            try await app.db.sql.raw("UPDATE audit_entries SET detail = \(bind: "nothing to see") WHERE id = \(bind: victim.id!)").run()
            var result = try await AuditChain.verify(on: app.db, batch: 10)
            #expect(result.finding == .altered && result.seq == victim.seq)
            let page = try await auditor.send(.GET, "/audit/verify")
            #expect(page.body.string.contains("data-verify=\"broken\"") && page.body.string.contains(victim.id!.uuidString.lowercased()))
            try await app.db.sql.raw("UPDATE audit_entries SET detail = \(bind: victim.detail) WHERE id = \(bind: victim.id!)").run()
            #expect(try await AuditChain.verify(on: app.db).intact, "restored")

            let removed = all[7]
            try await app.db.sql.raw("DELETE FROM audit_entries WHERE id = \(bind: removed.id!)").run()
            result = try await AuditChain.verify(on: app.db, batch: 10)
            #expect(result.finding == .deleted && result.seq == removed.seq! + 1)

            var context = CommandContext(console: Terminal(), input: CommandInput(arguments: ["lianxin"]))
            context.application = app
            await #expect(throws: CommandFailure.self) { try await AuditCommands.Verify().run(using: context, signature: .init()) }

            let forged = AuditEntry()
            forged.id = UUID()
            forged.at = app.lianxin.now()
            forged.action = AuditAction.loginSucceeded.rawValue
            forged.result = "success"
            forged.actorName = "ghost"
            try await forged.create(on: app.db)
            result = try await AuditChain.verify(on: app.db)
            #expect(result.finding == .inserted && result.entryID == forged.id)
        }
    }
}
