import Vapor
import Fluent
import NIOConcurrencyHelpers
import LianxinCore

/// The grid maps of divisions, each drawn once and kept for a minute: parsing thousands of polygons
/// per page view would dominate the page's time. One per application (set up with the routes).
final class GridMapCache: Sendable {
    struct Key: StorageKey { typealias Value = GridMapCache }
    struct Entry { let map: GridMapModel; let at: Date }
    let entries = NIOLockedValueBox([String: Entry]())

    /// The division's grid map, from the cache when it was drawn in the last minute.
    static func map(of division: DivisionCode, _ req: Request) async throws -> GridMapModel {
        guard let cache = req.application.storage[Key.self] else { return try await GridMapModel.load(in: division, on: req.db) }
        let now = Date()
        if let entry = cache.entries.withLockedValue({ $0[division.value] }), now.timeIntervalSince(entry.at) < 60 { return entry.map }
        let map = try await GridMapModel.load(in: division, on: req.db)
        cache.entries.withLockedValue { $0[division.value] = Entry(map: map, at: now) }
        return map
    }
}
