import Foundation
import Vapor
import Fluent
import SQLKit
import LianxinCore

/// Anonymises the personal data whose retention has run out (`RetentionPolicy`), records every record
/// it anonymised in the retention ledger and the run in the audit log. Running it again does nothing
/// more: a record in the ledger is never taken again.
///
/// - A closed or cancelled order, `requesterYears` after it was closed: the requester's name and
///   phone (cipher and blind index) are cleared; its title, description, address and event notes pass
///   through `PIIRedactor` (phones, ID and card numbers, names, door numbers); the photos residents
///   sent (uploaded through the public pages or Open311) are removed with their files.
/// - A tenancy, `tenancyMonths` after check-out: name, birth date and gender cleared, ID number and
///   phone replaced by an empty ciphertext and their blind indexes by a value no look-up matches.
/// - The audit log is never pruned (a hash chain; kept at least `auditDays`).
struct RetentionService {
    let app: Application
    /// Records per transaction.
    var batchSize = 200

    static let orderKind = "workOrderRequester"
    static let tenancyKind = "tenancy"

    /// What a run found due and did.
    struct Report: Sendable, Equatable {
        var orders = 0
        var photos = 0
        var tenancies = 0
        /// Audit entries older than the minimum retention (kept all the same).
        var auditOlderThanMinimum = 0
        var dryRun = false

        var lines: [String] {
            let verb = dryRun ? "due (dry run, nothing changed)" : "anonymised"
            return [
                "orders \(verb): \(orders) (resident photos \(dryRun ? "to remove" : "removed"): \(photos))",
                "tenancies \(verb): \(tenancies)",
                "audit entries older than the minimum retention: \(auditOlderThanMinimum) (kept: the audit log is never pruned)",
            ]
        }
    }

    func run(dryRun: Bool, actor: AuditActor = .commandLine) async throws -> Report {
        let now = app.lianxin.now()
        let policy = app.lianxin.settings.operations.retention
        let orderCutoff = policy.requesterCutoff(now: now)
        let tenancyCutoff = policy.tenancyCutoffDay(now: now)
        var report = Report(dryRun: dryRun)
        report.auditOlderThanMinimum = try await AuditEntry.query(on: app.db).filter(\.$at < policy.auditKeptSince(now: now)).count()

        let dueOrders = try await dueOrderIDs(before: orderCutoff)
        let dueTenancies = try await dueTenancyIDs(before: tenancyCutoff)
        if dryRun {
            report.orders = dueOrders.count
            report.tenancies = dueTenancies.count
            if !dueOrders.isEmpty {
                for batch in dueOrders.chunked(500) {
                    report.photos += try await Attachment.query(on: app.db).filter(\.$orderID ~~ batch)
                        .filter(\.$uploader ~~ Array(PhotoUploads.publicUploaders)).count()
                }
            }
            return report
        }
        let orderDue = ISO8601DateFormatter().string(from: orderCutoff)
        for batch in dueOrders.chunked(batchSize) {
            let removed = try await app.lianxin.writes.run {
                try await app.db.transaction { db in
                    try await anonymiseOrders(batch, dueBefore: orderDue, now: now, on: db)
                }
            }
            for key in removed { try? await app.lianxin.files.delete(key, on: app.db) }
            report.orders += batch.count
            report.photos += removed.count
        }
        for batch in dueTenancies.chunked(batchSize) {
            try await app.lianxin.writes.run {
                try await app.db.transaction { db in
                    try await anonymiseTenancies(batch, dueBefore: tenancyCutoff, now: now, on: db)
                }
            }
            report.tenancies += batch.count
        }
        if report.orders + report.tenancies > 0 {
            try await AuditLog.record(
                .retentionApplied, result: .success, actor: actor, target: "retention",
                detail:
                    "orders \(report.orders) (closed before \(BeijingClock.text(orderCutoff))), resident photos \(report.photos), tenancies \(report.tenancies) (moved out before \(tenancyCutoff))",
                at: now, on: app.db)
        }
        return report
    }

    private func dueOrderIDs(before cutoff: Date) async throws -> [UUID] {
        try await app.db.sql.raw(
            """
            SELECT o.id FROM work_orders o
            WHERE o.status IN ('closed', 'cancelled')
            AND NOT EXISTS (SELECT 1 FROM retention_ledger l WHERE l.kind = \(bind: Self.orderKind) AND l.record_id = o.id)
            AND (SELECT MAX(e.at) FROM work_order_events e WHERE e.order_id = o.id AND e.to_status = o.status) < \(bind: cutoff)
            ORDER BY o.id
            """
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
    }

    private func dueTenancyIDs(before day: String) async throws -> [UUID] {
        try await app.db.sql.raw(
            """
            SELECT t.id FROM tenancies t
            WHERE t.moved_out IS NOT NULL AND t.moved_out <> '' AND t.moved_out < \(bind: day)
            AND NOT EXISTS (SELECT 1 FROM retention_ledger l WHERE l.kind = \(bind: Self.tenancyKind) AND l.record_id = t.id)
            ORDER BY t.id
            """
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// Anonymises the orders and returns the storage keys of the photos removed (their files go once
    /// the transaction commits).
    private func anonymiseOrders(_ ids: [UUID], dueBefore: String, now: Date, on db: any Database) async throws -> [String] {
        var removedKeys: [String] = []
        for order in try await WorkOrder.query(on: db).filter(\.$id ~~ ids).all() {
            let id = try order.requireID()
            db.logger.debug("anonymising the requester of order \(order.number)")
            try await db.sql.raw(
                """
                UPDATE work_orders SET requester_name = NULL, requester_phone_cipher = NULL, requester_phone_index = NULL,
                title = \(bind: PIIRedactor.redact(order.title)), description = \(bind: PIIRedactor.redact(order.description)),
                address = \(bind: order.address.map(PIIRedactor.redact)) WHERE id = \(bind: id)
                """
            ).run()
            for event in try await WorkOrderEventRecord.query(on: db).filter(\.$orderID == id).filter(\.$note != nil).all() {
                guard let note = event.note else { continue }
                let redacted = PIIRedactor.redact(note)
                if redacted != note {
                    event.note = redacted
                    try await event.update(on: db)
                }
            }
            let photos = try await Attachment.query(on: db).filter(\.$orderID == id).filter(\.$uploader ~~ Array(PhotoUploads.publicUploaders))
                .all()
            for photo in photos {
                removedKeys.append(photo.storageKey)
                try await photo.delete(on: db)
            }
            try await RetentionLedgerEntry(
                kind: Self.orderKind, recordID: id,
                done: "requester name and phone cleared; title, description, address and notes redacted; \(photos.count) resident photos removed",
                dueBefore: dueBefore, at: now
            ).create(on: db)
        }
        return removedKeys
    }

    private func anonymiseTenancies(_ ids: [UUID], dueBefore: String, now: Date, on db: any Database) async throws {
        let cipher = app.lianxin.cipher
        for tenancy in try await Tenancy.query(on: db).filter(\.$id ~~ ids).all() {
            let id = try tenancy.requireID()
            tenancy.name = ""
            tenancy.birthDate = ""
            tenancy.gender = ""
            tenancy.idNumberCipher = try cipher.seal("", for: .tenantIDNumber, row: id)
            tenancy.phoneCipher = try cipher.seal("", for: .tenantPhone, row: id)
            tenancy.idNumberIndex = "anonymised:\(id.uuidString.lowercased())"
            tenancy.phoneIndex = "anonymised:\(id.uuidString.lowercased())"
            try await tenancy.update(on: db)
            try await RetentionLedgerEntry(
                kind: Self.tenancyKind, recordID: id, done: "name, birth date and gender cleared; ID number and phone replaced by empty values",
                dueBefore: dueBefore, at: now
            ).create(on: db)
        }
    }
}
