import Fluent
import Foundation
import LianxinCore

/// Loads a division file into the database: all of it in one transaction, or nothing.
struct DivisionImporter {
    let database: any Database

    struct Report: Sendable {
        var inserted = 0
        var updated = 0
        var unchanged = 0
    }

    /// Checks `text` (see `DivisionFile`) and upserts every record; throws `Failed` with every issue.
    func importCSV(_ text: String, actor: AuditActor, now: Date) async throws -> Report {
        let codes: [String?] = try await Division.query(on: database).all(\.$id)
        let existing = Set(codes.compactMap { $0.flatMap(DivisionCode.init) })
        let records: [DivisionRecord]
        switch DivisionFile.read(text, existing: existing) {
        case .success(let parsed): records = parsed
        case .failure(let rejected): throw Failed(issues: rejected.issues)
        }
        return try await database.transaction { db in
            var report = Report()
            let current = try await Division.query(on: db).all().reduce(into: [String: Division]()) { $0[$1.id ?? ""] = $1 }
            for record in records {
                if let division = current[record.code.value] {
                    let before = (division.name, division.parentCode, division.validFrom, division.validTo)
                    division.apply(record)
                    if before == (division.name, division.parentCode, division.validFrom, division.validTo) {
                        report.unchanged += 1
                    } else {
                        try await division.update(on: db)
                        report.updated += 1
                    }
                } else {
                    try await Division(record: record).create(on: db)
                    report.inserted += 1
                }
            }
            try await AuditLog.record(
                .divisionsImported, result: .success, actor: actor,
                detail: "inserted=\(report.inserted) updated=\(report.updated) unchanged=\(report.unchanged)",
                at: now, on: db)
            return report
        }
    }

    /// The file was refused; nothing was written.
    struct Failed: Error, CustomStringConvertible {
        let issues: [DivisionImportIssue]
        var description: String {
            "division file refused, nothing written (\(issues.count) issue\(issues.count == 1 ? "" : "s")):\n"
                + issues.map { "  " + $0.description }.joined(separator: "\n")
        }
    }
}
