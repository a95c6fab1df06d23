/// A parsed CSV file (RFC 4180: quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM).
public struct CSVTable: Sendable {
    public let header: [String]
    /// Rows with their 1-based line numbers in the file, for error reports.
    public let rows: [(line: Int, fields: [String])]

    /// Why a file could not be read as CSV.
    public enum ParseError: Error, Equatable, Sendable {
        case empty
        case unterminatedQuote(line: Int)
        case wrongFieldCount(line: Int, expected: Int, found: Int)
    }

    public init(parsing text: String) throws(ParseError) {
        var records: [(Int, [String])] = []
        var field = ""
        var fields: [String] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending = iterator.next()
        if pending == "\u{FEFF}" { pending = iterator.next() }
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
            fields = []
        }
        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" { field.unicodeScalars.append("\""); pending = iterator.next() } else { inQuotes = false }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": inQuotes = true
            case ",": fields.append(field); field = ""
            case "\r": continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default: field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { throw .unterminatedQuote(line: recordLine) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let first = records.first else { throw .empty }
        header = first.1.map { $0.trimmingCharacters(in: .whitespaces) }
        var body: [(line: Int, fields: [String])] = []
        for (number, values) in records.dropFirst() {
            guard values.count == first.1.count else {
                throw .wrongFieldCount(line: number, expected: first.1.count, found: values.count)
            }
            body.append((number, values))
        }
        rows = body
    }

    /// A table built from fields already split (a JSON body read with the same column checks as a file).
    public init(header: [String], rows: [(line: Int, fields: [String])]) {
        self.header = header
        self.rows = rows
    }

    /// The index of the first header among `names`, if present.
    public func column(_ names: String...) -> Int? {
        for name in names { if let index = header.firstIndex(of: name) { return index } }
        return nil
    }
}

extension CSVTable.ParseError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .empty: "the file is empty / 文件为空"
        case .unterminatedQuote(let line): "line \(line): a quoted field is not closed / 第 \(line) 行：引号未闭合"
        case .wrongFieldCount(let line, let expected, let found):
            "line \(line): expected \(expected) fields, found \(found) / 第 \(line) 行：应有 \(expected) 列，实有 \(found) 列"
        }
    }
}

import Foundation
