import Foundation
import NIOConcurrencyHelpers

/// SQLite has one writer at a time, and a transaction that reads before it writes can fail with
/// "database is locked" instead of waiting. So on SQLite the server runs its write transactions one
/// after another, in arrival order; on PostgreSQL they run concurrently (row locks do the work).
public final class WriteSerializer: Sendable {
    private struct State {
        var busy = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let enabled: Bool
    private let state = NIOLockedValueBox(State())

    public init(enabled: Bool) { self.enabled = enabled }

    /// Runs `body` alone among the serialized writes (or directly when serialization is off).
    public func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        guard enabled else { return try await body() }
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let proceed = state.withLockedValue { state -> Bool in
                if state.busy {
                    state.waiters.append(continuation)
                    return false
                }
                state.busy = true
                return true
            }
            if proceed { continuation.resume() }
        }
    }

    private func release() {
        let next = state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
            if state.waiters.isEmpty {
                state.busy = false
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }
}
