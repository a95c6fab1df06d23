import Foundation
import NIOConcurrencyHelpers

/// A small Prometheus registry: counters and histograms with labels, rendered in the text format.
public final class MetricsRegistry: Sendable {
    /// Latency buckets in seconds.
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    private struct Histogram {
        var counts: [UInt64] = Array(repeating: 0, count: MetricsRegistry.buckets.count)
        var sum: Double = 0
        var total: UInt64 = 0
    }

    private struct State {
        var counters: [String: [String: Double]] = [:]  // name → labels → value
        var histograms: [String: [String: Histogram]] = [:]  // name → labels → histogram
        var help: [String: (type: String, text: String)] = [:]
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    /// Declares a metric's type and help line.
    public func describe(_ name: String, type: String, help: String) {
        state.withLockedValue { $0.help[name] = (type, help) }
    }

    /// Adds `amount` to a counter.
    public func increment(_ name: String, labels: [(String, String)] = [], by amount: Double = 1) {
        let key = Self.render(labels)
        state.withLockedValue { $0.counters[name, default: [:]][key, default: 0] += amount }
    }

    /// Records one observation in a histogram.
    public func observe(_ name: String, labels: [(String, String)] = [], value: Double) {
        let key = Self.render(labels)
        state.withLockedValue { state in
            var histogram = state.histograms[name, default: [:]][key] ?? Histogram()
            for (index, bound) in Self.buckets.enumerated() where value <= bound { histogram.counts[index] += 1 }
            histogram.sum += value
            histogram.total += 1
            state.histograms[name, default: [:]][key] = histogram
        }
    }

    /// The current value of a counter (for tests and gauges).
    public func value(_ name: String, labels: [(String, String)] = []) -> Double {
        state.withLockedValue { $0.counters[name]?[Self.render(labels)] ?? 0 }
    }

    /// Everything in the Prometheus text exposition format.
    public func exposition() -> String {
        let snapshot = state.withLockedValue { $0 }
        var out = ""
        for name in snapshot.counters.keys.sorted() {
            if let help = snapshot.help[name] { out += "# HELP \(name) \(help.text)\n# TYPE \(name) \(help.type)\n" }
            for (labels, value) in snapshot.counters[name]!.sorted(by: { $0.key < $1.key }) {
                out += "\(name)\(labels.isEmpty ? "" : "{\(labels)}") \(Self.number(value))\n"
            }
        }
        for name in snapshot.histograms.keys.sorted() {
            if let help = snapshot.help[name] { out += "# HELP \(name) \(help.text)\n# TYPE \(name) histogram\n" }
            for (labels, histogram) in snapshot.histograms[name]!.sorted(by: { $0.key < $1.key }) {
                let prefix = labels.isEmpty ? "" : labels + ","
                for (index, bound) in Self.buckets.enumerated() {
                    out += "\(name)_bucket{\(prefix)le=\"\(Self.number(bound))\"} \(histogram.counts[index])\n"
                }
                out += "\(name)_bucket{\(prefix)le=\"+Inf\"} \(histogram.total)\n"
                out += "\(name)_sum\(labels.isEmpty ? "" : "{\(labels)}") \(Self.number(histogram.sum))\n"
                out += "\(name)_count\(labels.isEmpty ? "" : "{\(labels)}") \(histogram.total)\n"
            }
        }
        return out
    }

    private static func render(_ labels: [(String, String)]) -> String {
        labels.map {
            "\($0.0)=\"\($0.1.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n"))\""
        }
        .joined(separator: ",")
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
