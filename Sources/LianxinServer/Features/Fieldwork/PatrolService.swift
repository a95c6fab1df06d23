import Fluent
import Foundation
import LianxinCore
import Vapor

/// The write of a patrol sent from the field app (巡查, issue 21): the phone sends the patrol under its key with its
/// start, its end once ended, and the positions taken since it last sent; sent again (after a lost answer, or from
/// the outbox after a day without signal) it changes nothing. Positions are kept once per instant; the distance is
/// measured again over the plausible ones (`LianxinCore.PatrolTrack`); starting a patrol ends the member's earlier
/// one still running.
struct PatrolService {
    let req: Request
    let principal: Principal

    struct Input: Content {
        struct Point: Content {
            var at: Date?
            var latitude: Double?
            var longitude: Double?
        }
        var key: String?
        var startedAt: Date?
        var endedAt: Date?
        var points: [Point]?
    }

    /// The most positions one request may carry (12 hours at one every 30 seconds is 1,440).
    static let maximumPoints = 2_000

    /// Whole seconds: the phone sends seconds, and a position sent twice must be the same instant.
    static func second(_ date: Date) -> Date { Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)) }

    func sync(_ input: Input) async throws -> (patrol: Patrol, added: Int) {
        let key = (input.key ?? "").trimmingCharacters(in: .whitespaces)
        var checks = InputValidator(req)
        if !(8...100).contains(key.count) { checks.fail("/key", key: "patrol_err_key") }
        if input.startedAt == nil { checks.fail("/startedAt", key: "patrol_err_started") }
        let raw = input.points ?? []
        if raw.count > Self.maximumPoints { checks.fail("/points", key: "patrol_err_too_many", ["count": "\(Self.maximumPoints)"]) }
        var fixes: [PatrolFix] = []
        for (index, point) in raw.enumerated() {
            guard let at = point.at, let lat = point.latitude, let lon = point.longitude else {
                checks.fail("/points/\(index)", key: "patrol_err_point")
                continue
            }
            fixes.append(PatrolFix(at: Self.second(at), position: GeoPoint(lon: lon, lat: lat)))
        }
        let now = req.lianxin.now()
        if let startedAt = input.startedAt {
            let refusals = PatrolRefusal.check(startedAt: Self.second(startedAt), endedAt: input.endedAt, points: fixes, receivedAt: now)
            for refusal in refusals {
                let field = ["startInFuture": "/startedAt", "startTooOld": "/startedAt", "endOutOfOrder": "/endedAt"][refusal.rawValue] ?? "/points"
                checks.fail(field, key: "patrol_err_\(refusal.rawValue)")
            }
        }
        try checks.finish()
        guard let startedAt = input.startedAt.map(Self.second) else { throw Abort(.unprocessableEntity) }
        let endedAt = input.endedAt.map(Self.second)
        let grid = try await GridStaffAssignment.query(on: req.db).filter(\.$userID == principal.userID).filter(\.$validTo == nil).first()
        let community = try await grid.asyncFlatMap { g in
            try await Grid.query(on: req.db).filter(\.$code == g.gridCode).filter(\.$validTo == nil).first()
        }
        let principal = principal
        let taken = fixes
        return try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                let row: Patrol
                if let known = try await Patrol.query(on: db).filter(\.$userID == principal.userID).filter(\.$key == key).first() {
                    row = known
                } else {
                    row = Patrol()
                    row.key = key
                    row.userID = principal.userID
                    row.userName = principal.displayName
                    row.divisionCode = community?.communityCode ?? principal.division.value
                    row.gridCode = community?.code
                    row.startedAt = startedAt
                    row.automaticEnd = false
                    row.metres = 0
                    row.pointCount = 0
                    row.receivedAt = now
                    row.updatedAt = now
                    try await row.create(on: db)
                    try await Self.endEarlier(than: row, on: db, now: now)
                }
                let id = try row.requireID()
                let known = Set(try await PatrolPosition.query(on: db).filter(\.$patrolID == id).all().map(\.recordedAt.timeIntervalSince1970))
                var seen = known
                var fresh: [PatrolPosition] = []
                for fix in taken where !seen.contains(fix.at.timeIntervalSince1970) {
                    seen.insert(fix.at.timeIntervalSince1970)
                    let point = PatrolPosition()
                    point.patrolID = id
                    point.recordedAt = fix.at
                    point.latitude = fix.position.lat
                    point.longitude = fix.position.lon
                    point.receivedAt = now
                    fresh.append(point)
                }
                if !fresh.isEmpty { try await fresh.create(on: db) }
                // The end is set once: the same patrol sent again does not move it.
                if row.endedAt == nil, let endedAt {
                    row.endedAt = endedAt
                } else if row.endedAt == nil, let auto = row.end(now: now), auto.automatic {
                    row.endedAt = auto.at
                    row.automaticEnd = true
                }
                try await Self.measure(row, on: db, now: now)
                return (row, fresh.count)
            }
        }
    }

    /// Measures `row` again over its plausible positions (the end counted with the 12-hour limit).
    static func measure(_ row: Patrol, on db: any Database, now: Date) async throws {
        let id = try row.requireID()
        let all = try await PatrolPosition.query(on: db).filter(\.$patrolID == id).all().map(\.fix)
        let end = row.end(now: now)?.at ?? now.addingTimeInterval(OfflineTiming.allowedSkew)
        if let limited = row.end(now: now), limited.automatic, row.endedAt.map({ $0 > limited.at }) ?? false {
            row.endedAt = limited.at
            row.automaticEnd = true
        }
        let track = PatrolTrack.plausible(all, from: row.startedAt, to: end)
        row.metres = PatrolTrack.distance(track)
        row.pointCount = track.count
        row.updatedAt = now
        try await row.save(on: db)
    }

    /// Ends the member's other patrols still running when `row` starts: at their last position, never after `row`'s start.
    static func endEarlier(than row: Patrol, on db: any Database, now: Date) async throws {
        let open = try await Patrol.query(on: db).filter(\.$userID == row.userID).filter(\.$endedAt == nil)
            .filter(\.$id != (try row.requireID())).filter(\.$startedAt < row.startedAt).all()
        for earlier in open {
            let id = try earlier.requireID()
            let last = try await PatrolPosition.query(on: db).filter(\.$patrolID == id).sort(\.$recordedAt, .descending).first()
            earlier.endedAt = min(max(last?.recordedAt ?? earlier.startedAt, earlier.startedAt), row.startedAt)
            earlier.automaticEnd = true
            try await measure(earlier, on: db, now: now)
        }
    }
}

extension Optional {
    /// The async `flatMap` Swift's standard library lacks.
    fileprivate func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
