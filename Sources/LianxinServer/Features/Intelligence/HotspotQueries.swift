import Foundation
import Fluent
import SQLKit
import LianxinCore

/// The hotspot area's queries: the latest pass, its hotspots in a division, and claiming a hotspot.
enum HotspotQueries {
    /// The latest finished hotspot pass, if any.
    static func latestRun(on db: any Database) async throws -> HotspotRun? {
        try await HotspotRun.query(on: db).filter(\.$finishedAt != nil).sort(\.$finishedAt, .descending).first()
    }

    /// The (at most 200) hotspots of a pass in `division`'s subtree, most orders first; `status` narrows them.
    static func records(of runID: UUID, within division: DivisionCode, status: String?, on db: any Database) async throws -> [HotspotRecord] {
        var query = HotspotRecord.query(on: db).filter(\.$runID == runID).within(\.$divisionCode, division)
        if let status { query = query.filter(\.$status == status) }
        return try await query.sort(\.$orderCount, .descending).sort(\.$id).limit(200).all()
    }

    /// Moves an open hotspot to `tasking` for `userID`, in one statement so that of two concurrent
    /// claims exactly one wins; returns whether this one did.
    static func claim(_ recordID: UUID, by userID: UUID, on db: any Database) async throws -> Bool {
        let rows = try await db.sql.update(HotspotRecord.schema).set("status", to: "tasking").set("handled_by", to: userID)
            .where("id", .equal, recordID).where("status", .equal, "open").returning("id").all()
        return rows.count == 1
    }
}
