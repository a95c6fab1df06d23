import Foundation
import Fluent
import NIOConcurrencyHelpers
import SQLKit

/// Principals already resolved from a session cookie or a bearer token, so that an authenticated request needs no
/// database read (#25: authentication alone capped every API call near 2,100/s).
///
/// An entry lives `lifetime` seconds at most. Every change that can end or alter what a session or token stands
/// for raises the shared counter (`AuthEpoch.raise`), which empties this instance's cache at once; other instances
/// read the counter at most once every `epochInterval` and empty theirs when it moved. So a sign-out, a revoked
/// token, a disabled account or a new role takes effect at once on the instance that made it and within a second
/// on the others. `lifetime` 0 turns the cache off (`LIANXIN_AUTH_CACHE_SECONDS`).
final class AuthCache: Sendable {
    /// What the middleware needs to re-check on every request without the database.
    struct Entry: Sendable {
        var principal: Principal
        /// When the entry was read from the database.
        var readAt: Date
        /// Sessions: created and last seen (the idle and absolute limits). Tokens: the id, last use and expiry.
        var createdAt: Date
        var lastSeenAt: Date?
        var expiresAt: Date?
        var tokenID: UUID?
        var passwordChangedAt: Date
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var epoch: Int64?
        var epochReadAt: Date?
        var epochReading = false
    }

    let lifetime: TimeInterval
    /// How often an instance reads the shared counter.
    static let epochInterval: TimeInterval = 1
    /// Entries kept at most; a full cache starts again empty (sessions and tokens in use come back at once).
    static let capacity = 50_000
    private let state = NIOLockedValueBox(State())

    init(lifetime: TimeInterval) {
        self.lifetime = lifetime
    }

    var isEnabled: Bool { lifetime > 0 }

    /// The entry for a token's hash, when younger than `lifetime`.
    func entry(_ hash: String, now: Date) -> Entry? {
        guard isEnabled else { return nil }
        return state.withLockedValue { state in
            guard let entry = state.entries[hash], now.timeIntervalSince(entry.readAt) < lifetime, entry.readAt <= now else { return nil }
            return entry
        }
    }

    func store(_ entry: Entry, for hash: String) {
        guard isEnabled else { return }
        state.withLockedValue { state in
            if state.entries.count >= Self.capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[hash] = entry
        }
    }

    func remove(_ hash: String) {
        _ = state.withLockedValue { $0.entries.removeValue(forKey: hash) }
    }

    /// Forgets every principal (after a change made here, or when another instance's change is seen).
    func flush() {
        state.withLockedValue { $0.entries.removeAll(keepingCapacity: true) }
    }

    /// Reads the shared counter when it was last read more than `epochInterval` ago (one request at a time does),
    /// and empties the cache when another instance raised it.
    func followEpoch(on db: any Database, now: Date) async throws {
        guard isEnabled else { return }
        let due = state.withLockedValue { state -> Bool in
            guard !state.epochReading, state.epochReadAt.map({ now.timeIntervalSince($0) >= Self.epochInterval || $0 > now }) ?? true else {
                return false
            }
            state.epochReading = true
            return true
        }
        guard due else { return }
        let value: Int64?
        do {
            value = try await AuthEpoch.current(on: db)
        } catch {
            state.withLockedValue { $0.epochReading = false }
            throw error
        }
        state.withLockedValue { state in
            if state.epoch != value { state.entries.removeAll(keepingCapacity: true) }
            state.epoch = value
            state.epochReadAt = now
            state.epochReading = false
        }
    }
}

/// The shared counter of changes to sessions, tokens and accounts (`auth_epoch`, one row).
enum AuthEpoch {
    static let schema = "auth_epoch"

    static func current(on db: any Database) async throws -> Int64? {
        try await db.sql.select().column("value").from(schema).where("id", .equal, SQLBind(1)).first()?.decode(column: "value", as: Int64.self)
    }

    /// Raises the counter (in the caller's transaction when `db` is one) and empties this instance's cache.
    static func raise(on db: any Database, cache: AuthCache) async throws {
        try await db.sql.raw("UPDATE auth_epoch SET value = value + 1 WHERE id = 1").run()
        cache.flush()
    }
}
