import Foundation

/// Reads and writes labelled examples as RFC 4180 CSV with a header naming the `text` and `label` columns.
public enum LabeledTextCSV {
    /// Reads the examples of the CSV file at `url`.
    public static func read(from url: URL) throws -> [LabeledText] {
        try parse(Data(contentsOf: url))
    }

    /// Parses CSV bytes (UTF-8, optional BOM); other columns are ignored, rows with an empty label skipped.
    public static func parse(_ data: Data) throws -> [LabeledText] {
        let rows = try records(in: [UInt8](data))
        guard let header = rows.first else { throw ClassifierError.missingColumn("text") }
        guard let textColumn = header.firstIndex(of: "text") else { throw ClassifierError.missingColumn("text") }
        guard let labelColumn = header.firstIndex(of: "label") else { throw ClassifierError.missingColumn("label") }
        var examples: [LabeledText] = []
        for (offset, row) in rows.dropFirst().enumerated() {
            if row == [""] { continue }
            guard row.count > max(textColumn, labelColumn) else {
                throw ClassifierError.malformedCSV(line: offset + 2, reason: "expected \(header.count) fields, found \(row.count)")
            }
            let label = row[labelColumn].trimmingCharacters(in: .whitespaces)
            if !label.isEmpty { examples.append(LabeledText(text: row[textColumn], label: label)) }
        }
        return examples
    }

    /// Renders examples as CSV with the header `text,label`.
    public static func render(_ examples: [LabeledText]) -> String {
        var output = "text,label\n"
        for example in examples { output += "\(quoted(example.text)),\(quoted(example.label))\n" }
        return output
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func records(in bytes: [UInt8]) throws -> [[String]] {
        let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, newline: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var inQuotes = false
        var line = 1
        func endField() {
            row.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < bytes.count, bytes[index] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == newline { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case quote where field.isEmpty:
                inQuotes = true
            case comma:
                endField()
            case newline:
                endField()
                rows.append(row)
                row = []
                line += 1
            case carriageReturn:
                break
            default:
                field.append(byte)
            }
        }
        if inQuotes { throw ClassifierError.malformedCSV(line: line, reason: "unterminated quoted field") }
        if !field.isEmpty || !row.isEmpty {
            endField()
            rows.append(row)
        }
        return rows
    }
}
