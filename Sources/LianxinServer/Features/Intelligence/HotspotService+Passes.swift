import Vapor
import Fluent
import SQLKit
import LianxinCore

/// The hotspot passes: the scheduled slot, one pass over the window and the hotspot rows it stores.
extension HotspotService {
    /// The slot a scheduled pass at `now` belongs to, and the end of its window.
    static func scheduledSlot(at now: Date, intervalMinutes: Int) -> (slot: String, windowEnd: Date) {
        let interval = Double(intervalMinutes) * 60
        let end = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / interval).rounded(.down) * interval)
        return ("scheduled:\(intervalMinutes):\(ISOTimestamp.format(end))", end)
    }

    /// Runs a pass if nobody has run this slot yet (several instances: one wins), at most once per slot.
    static func runScheduled(app: Application) async throws -> HotspotRun? {
        let settings = try await settings(on: app.db)
        let (slot, end) = scheduledSlot(at: app.lianxin.now(), intervalMinutes: settings.intervalMinutes)
        if try await HotspotRun.query(on: app.db).filter(\.$slot == slot).first() != nil { return nil }
        return try await run(app: app, windowEnd: end, slot: slot)
    }

    /// One pass over the window ending at `windowEnd` (and the window before, for the trend). With
    /// a `slot` already claimed by another pass it does nothing and returns nil.
    static func run(app: Application, windowEnd: Date, slot: String?) async throws -> HotspotRun? {
        let settings = try await settings(on: app.db)
        let parameters = settings.detection
        let started = Date()
        let run = HotspotRun()
        run.id = UUID()
        run.slot = slot ?? "manual:\(run.id!.uuidString)"
        run.windowEnd = windowEnd
        run.startedAt = app.lianxin.now()
        run.parameters = String(decoding: try JSONEncoder().encode(settings), as: UTF8.self)
        run.orderCount = 0
        run.hotspotCount = 0
        run.durationMilliseconds = 0
        do {
            try await app.lianxin.writes.run { try await run.create(on: app.db) }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return nil
        }

        let from = windowEnd.addingTimeInterval(-2 * parameters.windowHours * 3600)
        let rows = try await WorkOrder.query(on: app.db)
            .filter(\.$createdAt >= from).filter(\.$createdAt < windowEnd)
            .filter(\.$latitude != nil).filter(\.$longitude != nil)
            .filter(\.$status !~ [WorkOrderStatus.cancelled.rawValue, WorkOrderStatus.merged.rawValue])
            .filter(\.$channel != LianxinCore.Channel.proactive.rawValue)
            .field(\.$id).field(\.$latitude).field(\.$longitude).field(\.$createdAt).field(\.$categoryCode).field(\.$divisionCode)
            .all()
        var divisions: [String: String] = [:]
        let orders = rows.compactMap { row -> HotspotOrder? in
            guard let id = row.id?.uuidString, let lat = row.latitude, let lon = row.longitude else { return nil }
            divisions[id] = row.divisionCode
            return HotspotOrder(id: id, location: GeoPoint(lon: lon, lat: lat), receivedAt: row.createdAt, category: row.categoryCode)
        }
        let found = HotspotDetector(parameters: parameters).hotspots(in: orders, windowEnd: windowEnd)
        let carried = try await handledInPreviousRun(before: run, on: app.db)
        let records = found.map { hotspot in
            record(
                of: hotspot, runID: run.id!, divisions: hotspot.memberIDs.compactMap { divisions[$0] },
                previous: carried, radius: parameters.radiusMeters)
        }
        run.orderCount = orders.count
        run.hotspotCount = records.count
        run.finishedAt = app.lianxin.now()
        run.durationMilliseconds = Date().timeIntervalSince(started) * 1000
        try await app.lianxin.writes.run {
            try await app.db.transaction { db in
                for record in records { try await record.create(on: db) }
                try await run.update(on: db)
            }
        }
        return run
    }

    /// The newest finished run before `run`'s hotspots that someone already acted on.
    static func handledInPreviousRun(before run: HotspotRun, on db: any Database) async throws -> [HotspotRecord] {
        guard
            let previous = try await HotspotRun.query(on: db).filter(\.$finishedAt != nil).filter(\.$id != run.id!)
                .sort(\.$finishedAt, .descending).first()
        else { return [] }
        return try await HotspotRecord.query(on: db).filter(\.$runID == previous.requireID()).filter(\.$status != "open").all()
    }

    static func record(of hotspot: Hotspot, runID: UUID, divisions: [String], previous: [HotspotRecord], radius: Double) -> HotspotRecord {
        let record = HotspotRecord()
        record.id = UUID()
        record.runID = runID
        record.divisionCode = commonDivision(of: divisions)
        var tally: [String: Int] = [:]
        for code in divisions { tally[code, default: 0] += 1 }
        record.mainDivisionCode = tally.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? record.divisionCode
        record.latitude = hotspot.centroid.lat
        record.longitude = hotspot.centroid.lon
        record.radiusMeters = hotspot.radiusMeters
        record.orderCount = hotspot.count
        record.previousCount = hotspot.previousCount
        record.trend = hotspot.trend.rawValue
        record.categoryCode = hotspot.categories.first?.category ?? ""
        record.categories = JSONColumn.text(hotspot.categories)
        record.firstAt = hotspot.firstReceivedAt
        record.lastAt = hotspot.lastReceivedAt
        record.memberIDs = JSONColumn.text(hotspot.memberIDs)
        record.sampleIDs = JSONColumn.text(hotspot.sampleIDs)
        record.status = "open"
        // Still the same problem as one already handled in the previous pass: keep what was done.
        if let handled = previous.first(where: { old in
            old.categoryCode == record.categoryCode
                && GeoPoint(lon: old.longitude, lat: old.latitude).distance(to: hotspot.centroid)
                    <= max(old.radiusMeters, hotspot.radiusMeters) + radius
        }) {
            record.status = handled.status
            record.taskOrderID = handled.taskOrderID
            record.handledBy = handled.handledBy
            record.handledAt = handled.handledAt
            record.note = handled.note
        }
        return record
    }
}
