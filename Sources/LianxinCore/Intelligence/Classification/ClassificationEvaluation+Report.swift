import Foundation

extension ClassificationEvaluation {
    /// A plain-text report: overall figures, a per-label table and the confusion matrix with label names.
    public func report() -> String {
        var lines: [String] = []
        var summary = "accuracy \(Self.format(accuracy))  macro-F1 \(Self.format(macroF1))  examples \(confusion.joined().reduce(0, +))"
        if !foldMacroF1.isEmpty {
            summary += "\nper-fold macro-F1 " + foldMacroF1.map(Self.format).joined(separator: " ")
        }
        lines.append(summary)
        let labelWidth = max(5, labels.map(DisplayWidth.of).max() ?? 0)
        lines.append("")
        lines.append(DisplayWidth.padRight("label", to: labelWidth) + "  precision  recall      F1  support")
        for metrics in perClass {
            lines.append(
                DisplayWidth.padRight(metrics.label, to: labelWidth) + "  "
                    + DisplayWidth.padLeft(Self.format(metrics.precision), to: 9) + "  "
                    + DisplayWidth.padLeft(Self.format(metrics.recall), to: 6) + "  "
                    + DisplayWidth.padLeft(Self.format(metrics.f1), to: 6) + "  "
                    + DisplayWidth.padLeft(String(metrics.support), to: 7)
            )
        }
        lines.append("")
        lines.append("confusion matrix (rows: true label, columns: predicted label)")
        let widths = labels.indices.map { column in
            max(DisplayWidth.of(labels[column]), confusion.map { String($0[column]).count }.max() ?? 0) + 2
        }
        lines.append(
            DisplayWidth.padRight("", to: labelWidth)
                + labels.indices.map { DisplayWidth.padLeft(labels[$0], to: widths[$0]) }.joined())
        for (label, row) in zip(labels, confusion) {
            lines.append(
                DisplayWidth.padRight(label, to: labelWidth)
                    + row.indices.map { DisplayWidth.padLeft(String(row[$0]), to: widths[$0]) }.joined())
        }
        return lines.joined(separator: "\n")
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.4f", value)
    }
}
