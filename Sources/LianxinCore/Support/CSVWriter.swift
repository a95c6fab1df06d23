/// Writes CSV fields, quoting where needed. Exports start with a UTF-8 BOM so Excel reads Chinese.
public enum CSVWriter {
    public static let byteOrderMark = "\u{FEFF}"

    /// One CSV line (with the trailing CRLF).
    public static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\r\n"
    }

    /// A field, quoted when it holds a comma, quote or line break; a leading =, +, - or @ (or a tab
    /// or carriage return, which spreadsheets skip before reading one) is prefixed with ' so that a
    /// spreadsheet does not run it as a formula (OWASP CSV injection).
    public static func escape(_ field: String) -> String {
        var text = field
        if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation
