import Vapor

/// A piece of background work a feature declares. `serve` calls it every `interval` on each
/// instance; a job that touches shared rows claims them (row locks or a marker column), so several
/// instances are safe. A failure is logged with the job's name and the job runs again next time.
struct LianxinJob: Sendable {
    /// Names the job in logs and metrics.
    let name: String
    /// How often an instance runs it.
    let interval: Duration
    /// One run.
    let run: @Sendable (Application) async throws -> Void
}
