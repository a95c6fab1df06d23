import Foundation
import Testing
import VaporTesting
import NIOConcurrencyHelpers
@testable import LianxinServer

@Suite("The jobs runner")
struct JobsRunnerTests {
    struct Boom: Error {}

    @Test func everyFeatureDeclaresItsJobsAndEachRunsOnTheDemoCity() async throws {
        #expect(
            Set(LianxinFeatures.jobs.map(\.name)) == [
                "work-orders.sla-sweep", "work-orders.escalate", "webhooks.deliver", "intelligence.classifier-refresh", "intelligence.hotspots",
                "grids.apply-changes", "operations.backup", "operations.retention", "knowledge.review", "notifications.deliver",
                "notifications.revisits",
            ])
        try await withLianxin(clock: TestClock(SLASchedulerTests.tuesdayMorning), demo: true) { app, _ in
            for job in LianxinFeatures.jobs {
                #expect(await JobsRunner.runOnce(job, app), "\(job.name) runs without failing")
            }
        }
    }

    @Test func theRunnerRunsEachJobRepeatedlyAndAFailureStopsNoOtherJob() async throws {
        try await withLianxin { app, _ in
            let runs = NIOLockedValueBox<[String: Int]>([:])
            func job(_ name: String, fails: Bool) -> LianxinJob {
                LianxinJob(name, every: .milliseconds(10)) { _ in
                    runs.withLockedValue { $0[name, default: 0] += 1 }
                    if fails { throw Boom() }
                }
            }
            let runner = JobsRunner(jobs: [job("first", fails: false), job("failing", fails: true), job("last", fails: false)])
            runner.start(app)
            let deadline = Date().addingTimeInterval(10)
            while runs.withLockedValue({ $0.count < 3 || $0.values.contains { $0 < 3 } }), Date() < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            await runner.shutdownAsync(app)
            let stopped = runs.withLockedValue { $0 }
            #expect(stopped.keys.sorted() == ["failing", "first", "last"])
            #expect(stopped.values.allSatisfy { $0 >= 3 }, "each job ran again after the failing one failed: \(stopped)")
            try await Task.sleep(for: .milliseconds(100))
            #expect(runs.withLockedValue { $0 } == stopped, "no job runs after shutdown")
            #expect(app.lianxin.metrics.value("lianxin_job_failures_total", labels: [("job", "failing")]) >= 3)
        }
    }
}
