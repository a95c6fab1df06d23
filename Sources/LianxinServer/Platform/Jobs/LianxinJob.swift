import Vapor

/// A piece of background work a feature declares in its `<Area>Feature.jobs`. `serve` runs it every
/// `interval` on each instance (see `JobsRunner`); a job that touches shared rows claims them (row
/// locks or a marker column), so several instances are safe. A job calls services and queries,
/// never controllers. A failure is logged with the job's name and the job runs again next time.
struct LianxinJob: Sendable {
    /// Names the job in logs and metrics, as `<area>.<what>`.
    let name: String
    /// How long an instance waits after one run before the next.
    let interval: Duration
    /// One run.
    let run: @Sendable (Application) async throws -> Void

    init(_ name: String, every interval: Duration, run: @escaping @Sendable (Application) async throws -> Void) {
        self.name = name
        self.interval = interval
        self.run = run
    }
}
