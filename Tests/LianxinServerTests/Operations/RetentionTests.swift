import Foundation
import Testing
import Vapor
import Fluent
import SQLKit
import LianxinCore
@testable import LianxinServer

@Suite("Retention and anonymisation (#17, PIPL)")
struct RetentionTests {
    static let year: TimeInterval = 365 * 86_400

    /// Files an order for a named caller with a phone, as the desk would.
    private func fileOrder(_ app: Application, description: String) async throws -> WorkOrder {
        let user = try #require(try await User.query(on: app.db).filter(\.$username == "operator").first())
        let principal = try Principal(user: user, sessionID: nil, csrfToken: nil)
        let service = WorkOrderService(application: app, database: app.db)
        var input = NewWorkOrder()
        input.title = "噪音扰民"
        input.description = description
        input.categoryCode = "0101"
        input.divisionCode = "361102"
        input.requesterName = "王小明"
        input.requesterPhone = "13907931234"
        let valid = try await service.validate(input, scope: principal.division)
        return try await service.create(valid, by: principal.workOrderActor, idempotencyKey: nil).0
    }

    /// Marks an order closed (or leaves it open) at `at`, as its last event says.
    private func close(_ order: WorkOrder, at: Date, _ app: Application) async throws {
        let id = try order.requireID()
        let sequence = try await WorkOrderEventRecord.query(on: app.db).filter(\.$orderID == id).count() + 1
        try await app.db.sql.raw("UPDATE work_orders SET status = 'closed' WHERE id = \(bind: id)").run()
        try await app.db.sql.raw(
            """
            INSERT INTO work_order_events (id, order_id, sequence, kind, from_status, to_status, actor, at, note, event)
            VALUES (\(bind: UUID()), \(bind: id), \(bind: sequence), 'close', 'completed', 'closed', 'operator', \(bind: at),
            \(bind: "已回访，来电人王小明 13907931234 表示满意"), '{}')
            """
        ).run()
    }

    private func tenancy(_ app: Application, unit: UUID, movedOut: String?) async throws -> UUID {
        let id = UUID()
        let row = Tenancy()
        row.id = id
        row.unitID = unit
        row.gridCode = "361102001001001"
        row.communityCode = DemoResidents.community
        row.name = "李租客"
        let idNumber = DemoResidents.idNumber("361103", "19950505", 21)
        row.idNumberCipher = try app.lianxin.cipher.seal(idNumber, for: .tenantIDNumber, row: id)
        row.idNumberIndex = app.lianxin.cipher.blindIndex(idNumber)
        row.phoneCipher = try app.lianxin.cipher.seal("13907935678", for: .tenantPhone, row: id)
        row.phoneIndex = app.lianxin.cipher.blindIndex("13907935678")
        row.gender = "female"
        row.birthDate = "1995-05-05"
        row.registrationDivision = "361103"
        row.movedIn = "2020-01-01"
        row.movedOut = movedOut
        row.createdAt = app.lianxin.now()
        try await row.create(on: app.db)
        return id
    }

    private func rentalUnit(_ app: Application) async throws -> UUID {
        let unit = RentalUnit()
        unit.id = UUID()
        unit.publicCode = "RETENTIONTEST1"
        unit.address = "上滩头小区 3 栋 2-301"
        unit.gridCode = "361102001001001"
        unit.communityCode = DemoResidents.community
        unit.landlordName = "周房东"
        unit.landlordPhoneCipher = try app.lianxin.cipher.seal("13907930001", for: .landlordPhone, row: try unit.requireID())
        unit.landlordPhoneIndex = app.lianxin.cipher.blindIndex("13907930001")
        unit.landlordTokenHash = UUID().uuidString
        unit.active = true
        unit.createdAt = app.lianxin.now()
        try await unit.create(on: app.db)
        return try unit.requireID()
    }

    @Test func item17_retentionAnonymisesOnlyWhatIsDueAndOnlyOnce() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true) { app, _ in
            let now = clock.now
            let due = try await fileOrder(app, description: "楼上住户王小明（电话 13907931234）每晚噪音")
            try await close(due, at: now.addingTimeInterval(-4 * Self.year), app)
            let recent = try await fileOrder(app, description: "楼上噪音，电话 13907931234")
            try await close(recent, at: now.addingTimeInterval(-1 * Self.year), app)
            let open = try await fileOrder(app, description: "仍在办理，电话 13907931234")
            try await app.lianxin.files.put(Data(repeating: 1, count: 64), key: "retentionphoto01", on: app.db)
            let photo = Attachment()
            photo.orderID = try due.requireID()
            photo.purpose = "report"
            photo.contentType = "image/jpeg"
            photo.byteSize = 64
            photo.sha256 = String(repeating: "0", count: 64)
            photo.storageKey = "retentionphoto01"
            photo.uploader = "resident"
            photo.createdAt = now
            try await photo.create(on: app.db)
            let unit = try await rentalUnit(app)
            let goneLongAgo = try await tenancy(app, unit: unit, movedOut: "2025-01-01")
            let goneLastWeek = try await tenancy(app, unit: unit, movedOut: BeijingClock.day(now.addingTimeInterval(-7 * 86_400)))
            let living = try await tenancy(app, unit: unit, movedOut: nil)

            let dry = try await RetentionService(app: app).run(dryRun: true)
            #expect(dry.orders == 1 && dry.tenancies == 1 && dry.photos == 1)
            #expect(try await RetentionLedgerEntry.query(on: app.db).count() == 0, "a dry run changes nothing")

            let report = try await RetentionService(app: app).run(dryRun: false)
            #expect(report.orders == 1 && report.tenancies == 1 && report.photos == 1)

            let anonymised = try #require(try await WorkOrder.find(due.requireID(), on: app.db))
            #expect(anonymised.requesterName == nil && anonymised.requesterPhoneCipher == nil && anonymised.requesterPhoneIndex == nil)
            #expect(!anonymised.description.contains("13907931234"))
            let notes = try await WorkOrderEventRecord.query(on: app.db).filter(\.$orderID == due.requireID()).all().compactMap(\.note)
            #expect(!notes.joined().contains("13907931234"))
            #expect(try await Attachment.query(on: app.db).filter(\.$orderID == due.requireID()).count() == 0)
            #expect(try await app.lianxin.files.get("retentionphoto01", on: app.db) == nil)
            for kept in [recent, open] {
                let row = try #require(try await WorkOrder.find(kept.requireID(), on: app.db))
                #expect(row.requesterName == "王小明" && row.requesterPhoneCipher != nil, "not yet due")
                #expect(row.description.contains("13907931234"))
            }
            let gone = try #require(try await Tenancy.find(goneLongAgo, on: app.db))
            #expect(gone.name.isEmpty && gone.birthDate.isEmpty)
            #expect(try app.lianxin.cipher.open(gone.idNumberCipher, for: .tenantIDNumber, row: goneLongAgo).isEmpty)
            #expect(gone.idNumberIndex != app.lianxin.cipher.blindIndex(DemoResidents.idNumber("361103", "19950505", 21)))
            for kept in [goneLastWeek, living] {
                #expect(try #require(try await Tenancy.find(kept, on: app.db)).name == "李租客")
            }
            #expect(try await RetentionLedgerEntry.query(on: app.db).count() == 2)
            #expect((try await auditActions(app)).filter { $0.action == "retention.anonymise" }.count == 1)

            let again = try await RetentionService(app: app).run(dryRun: false)
            #expect(again.orders == 0 && again.tenancies == 0, "idempotent")
            #expect((try await auditActions(app)).filter { $0.action == "retention.anonymise" }.count == 1)
        }
    }

    @Test func item17_auditEntriesAreKeptAtLeast180Days() async throws {
        let clock = TestClock()
        try await withLianxin(clock: clock, demo: true, settings: ["LIANXIN_RETENTION_AUDIT_DAYS": "180"]) { app, _ in
            try await AuditLog.record(
                .settingsChanged, result: .success, actor: .commandLine, target: "old", at: clock.now.addingTimeInterval(-200 * 86_400), on: app.db)
            try await AuditLog.record(
                .settingsChanged, result: .success, actor: .commandLine, target: "recent", at: clock.now.addingTimeInterval(-100 * 86_400), on: app.db
            )
            let before = try await count("audit_entries", app)
            let report = try await RetentionService(app: app).run(dryRun: false)
            #expect(report.auditOlderThanMinimum >= 1)
            #expect(try await count("audit_entries", app) == before, "the audit log is never pruned")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$target == "recent").count() == 1)
        }
        for days in ["179", "30", "0"] {
            #expect(throws: LianxinSettings.Problem.self) {
                try LianxinSettings.load(
                    from: TestDatabase.environment(dataDirectory: "/tmp/lianxin-settings").merging(["LIANXIN_RETENTION_AUDIT_DAYS": days]) { $1 })
            }
        }
        let settings = try LianxinSettings.load(
            from: TestDatabase.environment(dataDirectory: "/tmp/lianxin-settings").merging(["LIANXIN_RETENTION_AUDIT_DAYS": "400"]) { $1 }
        ).settings
        #expect(settings.operations.retention.auditDays == 400)
    }

    @Test func item17_aPersonsDataIsFoundByPhoneAcrossOrdersAndTenancies() async throws {
        try await withLianxin(demo: true) { app, _ in
            let order = try await fileOrder(app, description: "楼上噪音")
            let unit = try await rentalUnit(app)
            _ = try await tenancy(app, unit: unit, movedOut: nil)
            let byPhone = try await PersonalDataRequest(app: app).collect(phone: "139 0793 1234", idNumber: nil, reason: "依申请 2026-001")
            #expect(byPhone.workOrders.map(\.number) == [order.number])
            #expect(byPhone.workOrders.first?.requesterPhone == "13907931234", "unmasked: it is the person's own data")
            #expect(byPhone.tenancies.isEmpty)
            let byID = try await PersonalDataRequest(app: app).collect(
                phone: nil, idNumber: DemoResidents.idNumber("361103", "19950505", 21), reason: "依申请 2026-002")
            #expect(byID.tenancies.map(\.phone) == ["13907935678"])
            await #expect(throws: CommandFailure.self) {
                _ = try await PersonalDataRequest(app: app).collect(phone: "12345", idNumber: nil, reason: "x")
            }
        }
    }
}
