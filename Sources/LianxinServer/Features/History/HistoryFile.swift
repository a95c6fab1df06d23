import Foundation
import LianxinCore

/// Reads a CSV file record by record in pieces of a megabyte, so memory stays flat however long the file is.
struct HistoryFile: Sendable {
    let path: String

    struct Unreadable: Error {
        let key: String
        let line: Int
    }

    /// Calls `body` with each record after the header (and the header first, as line 1's record).
    func forEachRecord(_ body: (_ line: Int, _ fields: [String]) async throws -> Void) async throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Unreadable(key: "history_file_unreadable", line: 0) }
        defer { try? handle.close() }
        var parser = CSVStream()
        var carry = Data()
        var lastLine = 1
        while true {
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            var data = Data(carry)
            data.append(chunk)
            carry = Data()
            if !chunk.isEmpty {
                // Decode whole lines only, so a character split between two pieces is read whole.
                guard let cut = data.lastIndex(of: 0x0A) else {
                    carry = data
                    continue
                }
                carry = Data(data[(cut + 1)...])
                data = Data(data[...cut])
            }
            guard let text = String(data: data, encoding: .utf8) else { throw Unreadable(key: "history_file_encoding", line: lastLine) }
            let records = chunk.isEmpty ? parser.feed(text) + parser.finish() : parser.feed(text)
            for (line, fields) in records {
                lastLine = line
                try await body(line, fields)
            }
            if chunk.isEmpty { break }
        }
        if let line = parser.unterminatedQuoteLine { throw Unreadable(key: "history_file_quote", line: line) }
    }
}
