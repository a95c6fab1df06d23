import Vapor
import NIOConcurrencyHelpers

/// The background loop of `serve` (when `LIANXIN_SCHEDULER` is on): one task per job that every
/// feature declares (`LianxinFeatures.jobs`), each running its job, then waiting its interval.
/// A failing job is logged and counted and does not stop the others; on shutdown every task is
/// cancelled and awaited, so no job is cut off half-way through a write by the process exiting.
struct JobsRunner: LifecycleHandler {
    /// The jobs this runner runs.
    let jobs: [LianxinJob]

    private final class Tasks: Sendable {
        let running = NIOLockedValueBox<[Task<Void, Never>]>([])
    }
    private let tasks = Tasks()

    init(jobs: [LianxinJob] = LianxinFeatures.jobs) {
        self.jobs = jobs
    }

    /// Starts one loop per job; `serve` calls this once the schema is ready (commands never run jobs).
    func start(_ application: Application) {
        let started = jobs.map { job in
            Task {
                while !Task.isCancelled {
                    await Self.runOnce(job, application)
                    try? await Task.sleep(for: job.interval)
                }
            }
        }
        tasks.running.withLockedValue { $0 += started }
    }

    /// One run of `job`. A failure is logged with the job's name and counted in
    /// `lianxin_job_failures_total`; it is never thrown, so the caller's loop goes on.
    @discardableResult
    static func runOnce(_ job: LianxinJob, _ application: Application) async -> Bool {
        do {
            try await job.run(application)
            return true
        } catch is CancellationError {
            return false
        } catch {
            application.logger.warning("job failed", metadata: ["job": .string(job.name), "error": "\(error)"])
            application.lianxin.metrics.increment("lianxin_job_failures_total", labels: [("job", job.name)])
            return false
        }
    }

    func shutdownAsync(_ application: Application) async {
        let running = tasks.running.withLockedValue { tasks in
            defer { tasks = [] }; return tasks
        }
        for task in running { task.cancel() }
        for task in running { await task.value }
    }
}
