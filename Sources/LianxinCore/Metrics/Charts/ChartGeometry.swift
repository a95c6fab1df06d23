/// The geometry of the small SVG charts pages draw (bars, a line), in SVG units of a fixed view box, so pages need
/// no chart library and no script: values are scaled to the largest, and each mark keeps its value and label.
public enum ChartGeometry {
    /// One bar of a bar chart.
    public struct Bar: Sendable, Hashable, Codable {
        public let x: Double
        public let y: Double
        public let width: Double
        public let height: Double
        public let value: Double
        public let label: String
    }

    /// Vertical bars side by side across `width`, scaled so the largest value fills `height`; a bar of zero has no
    /// height. `gap` is the share of each slot left empty.
    public static func columns(
        _ values: [(label: String, value: Double)], width: Double, height: Double,
        gap: Double = 0.25
    ) -> [Bar] {
        guard !values.isEmpty else { return [] }
        let top = max(values.map(\.value).max() ?? 0, 1e-9)
        let slot = width / Double(values.count)
        return values.enumerated().map { index, item in
            let barHeight = max(0, item.value) / top * height
            return Bar(
                x: rounded(Double(index) * slot + slot * gap / 2), y: rounded(height - barHeight),
                width: rounded(slot * (1 - gap)), height: rounded(barHeight), value: item.value, label: item.label)
        }
    }

    /// Horizontal bars one under another, each `rowHeight` tall, scaled so the largest value fills `width`.
    public static func rows(
        _ values: [(label: String, value: Double)], width: Double, rowHeight: Double,
        gap: Double = 0.25
    ) -> [Bar] {
        let top = max(values.map(\.value).max() ?? 0, 1e-9)
        return values.enumerated().map { index, item in
            Bar(
                x: 0, y: rounded(Double(index) * rowHeight + rowHeight * gap / 2), width: rounded(max(0, item.value) / top * width),
                height: rounded(rowHeight * (1 - gap)), value: item.value, label: item.label)
        }
    }

    /// SVG `points` of a line through the values at the middle of each of `count` equal slots, scaled so `maximum`
    /// (default the largest value) reaches the top; missing values break nothing, they are skipped.
    public static func line(_ values: [Double?], width: Double, height: Double, maximum: Double? = nil) -> String {
        guard !values.isEmpty else { return "" }
        let top = max(maximum ?? values.compactMap { $0 }.max() ?? 0, 1e-9)
        let slot = width / Double(values.count)
        return values.enumerated().compactMap { index, value in
            value.map { "\(text(Double(index) * slot + slot / 2)),\(text(height - max(0, $0) / top * height))" }
        }.joined(separator: " ")
    }

    private static func rounded(_ value: Double) -> Double {
        (value * 10).rounded() / 10
    }

    private static func text(_ value: Double) -> String {
        let shown = rounded(value)
        return shown == shown.rounded() ? String(Int(shown)) : String(shown)
    }
}
