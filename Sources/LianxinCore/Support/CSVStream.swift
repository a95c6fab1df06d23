import Foundation

/// A CSV reader fed piece by piece (RFC 4180: commas, double quotes, quoted newlines), for files too large to
/// hold at once: each `feed` returns the records it completed, each with the line it starts on.
public struct CSVStream: Sendable {
    private var field = ""
    private var fields: [String] = []
    private var inQuotes = false
    private var quotePending = false
    private var line = 1
    private var recordLine = 1
    private var started = false

    public init() {}

    /// Whether the text ended inside a quoted field (after `finish`).
    public private(set) var unterminatedQuoteLine: Int?

    /// Reads more text; returns the records it completed. A record of one empty field (a blank line) is skipped.
    public mutating func feed(_ text: String) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        for scalar in text.unicodeScalars {
            if !started {
                started = true
                if scalar == "\u{FEFF}" { continue }
            }
            if quotePending {
                quotePending = false
                if scalar == "\"" {
                    field.unicodeScalars.append("\"")
                    continue
                }
                inQuotes = false
            }
            if inQuotes {
                if scalar == "\"" {
                    quotePending = true
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": inQuotes = true
            case ",":
                fields.append(field)
                field = ""
            case "\r": continue
            case "\n":
                if let record = endRecord() { records.append(record) }
                line += 1
                recordLine = line
            default: field.unicodeScalars.append(scalar)
            }
        }
        return records
    }

    /// Ends the text: returns the last record if it had no newline after it.
    public mutating func finish() -> [(line: Int, fields: [String])] {
        if quotePending {
            quotePending = false
            inQuotes = false
        }
        if inQuotes {
            unterminatedQuoteLine = recordLine
            return []
        }
        guard !field.isEmpty || !fields.isEmpty, let record = endRecord() else { return [] }
        return [record]
    }

    private mutating func endRecord() -> (line: Int, fields: [String])? {
        fields.append(field)
        field = ""
        defer { fields = [] }
        if fields.count == 1 && fields[0].isEmpty { return nil }
        return (recordLine, fields)
    }
}
