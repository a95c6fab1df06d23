import Foundation

/// CPU time consumed by the calling thread, for benchmarks on machines shared with other work.
enum ThreadCPUClock {
    /// Seconds of CPU time the calling thread has used so far.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// Runs `body` and returns its wall-clock and CPU seconds.
    static func measure(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
        let wallStart = Date(), cpuStart = now()
        try body()
        return (Date().timeIntervalSince(wallStart), now() - cpuStart)
    }
}
