import Vapor
import Fluent
import LianxinCore

/// Replaces the county's base layer (roads, rivers, landmarks) with a GeoJSON file the county supplies:
/// the whole file in one transaction, or nothing with every problem listed. Audited.
struct BasemapImporter {
    let app: Application

    /// What a successful import holds, by kind.
    struct Report: Sendable {
        let roads: Int
        let rivers: Int
        let landmarks: Int
    }

    func replace(with data: Data, actor: AuditActor) async throws -> Report {
        let items: [BasemapItem]
        do {
            items = try BasemapReader().read(data)
        } catch {
            throw Problem.invalid(
                error.problems.map { problem in
                    Problem.FieldError(
                        field: problem.feature.map { "/features/\($0 - 1)" } ?? "/file",
                        message: problem.english + " / " + problem.chinese)
                }, detail: "The base layer was not imported; nothing was written / 底图未导入，未写入任何内容")
        }
        let now = app.lianxin.now()
        let report = Report(
            roads: items.count { $0.kind == .road }, rivers: items.count { $0.kind == .river },
            landmarks: items.count { $0.kind == .landmark })
        try await app.lianxin.writes.run {
            try await app.db.transaction { db in
                try await BasemapShape.query(on: db).delete()
                for item in items { try await BasemapShape(item, at: now).create(on: db) }
                try await AuditLog.record(
                    .basemapImported, result: .success, actor: actor, target: "basemap",
                    detail: "roads \(report.roads), rivers \(report.rivers), landmarks \(report.landmarks)", at: now, on: db)
            }
        }
        app.storage[GridMapCache.Key.self]?.entries.withLockedValue { $0.removeAll() }
        return report
    }
}
